from odoo.tests.common import SavepointCase


class DefisCase(SavepointCase):
    """Users of each Défis group, for the add-ons' tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.group_user = cls.env.ref("defis_network.group_defis_user")
        cls.group_manager = cls.env.ref("defis_network.group_defis_manager")
        cls.internal_user = cls.create_user("interne", [cls.env.ref("base.group_user")])
        cls.defis_user = cls.create_user("benevole", [cls.group_user])
        cls.defis_manager = cls.create_user("responsable", [cls.group_manager])

    @classmethod
    def create_user(cls, login, groups):
        return cls.env["res.users"].with_context(no_reset_password=True).create({
            "name": login.capitalize(),
            "login": login,
            "lang": "fr_FR",
            "groups_id": [(6, 0, [group.id for group in groups])],
        })

    def visible_menus(self, user):
        return self.env["ir.ui.menu"].sudo(user)._visible_menu_ids()

    def menu_name(self, xmlid, lang="fr_FR"):
        return self.env.ref(xmlid).with_context(lang=lang).name
