from odoo.tests.common import SavepointCase


class DefisCase(SavepointCase):
    """Users of each Défis group and a small network, for the add-ons' tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        try:
            cls.set_up_network()
        except Exception:
            # unittest skips tearDownClass when setUpClass fails: roll back
            # here, or the open transaction blocks every later test class
            super().tearDownClass()
            raise

    @classmethod
    def set_up_network(cls):
        cls.group_user = cls.env.ref("defis_network.group_defis_user")
        cls.group_manager = cls.env.ref("defis_network.group_defis_manager")
        cls.internal_user = cls.create_user("interne", [cls.env.ref("base.group_user")])
        cls.defis_user = cls.create_user("benevole", [cls.group_user])
        cls.defis_manager = cls.create_user("responsable", [cls.group_manager])
        cls.type_ccas = cls.env.ref("defis_network.structure_type_ccas")
        cls.type_caf = cls.env.ref("defis_network.structure_type_caf")
        cls.subnetwork = cls.env["defis.subnetwork"].create({"name": "Pays de Test"})
        cls.other_subnetwork = cls.env["defis.subnetwork"].create({"name": "Pays d'Essai"})

    @classmethod
    def create_user(cls, login, groups):
        return cls.env["res.users"].with_context(no_reset_password=True).create({
            "name": login.capitalize(),
            "login": login,
            "lang": "fr_FR",
            "groups_id": [(6, 0, [group.id for group in groups])],
        })

    @classmethod
    def create_structure(cls, name, affiliation="2018-03-01", withdrawal=False, **values):
        values.setdefault("defis_structure_type_id", cls.type_ccas.id)
        values.setdefault("defis_subnetwork_id", cls.subnetwork.id)
        return cls.env["res.partner"].create(dict(
            name=name, is_company=True, defis_affiliation_date=affiliation,
            defis_withdrawal_date=withdrawal, **values))

    @classmethod
    def create_person(cls, name, structure=None, **values):
        return cls.env["res.partner"].create(dict(
            name=name, parent_id=structure.id if structure else False, **values))

    @classmethod
    def name_referent(cls, structure, name, date_start="2018-03-01"):
        person = cls.create_person(name, structure)
        return cls.env["defis.referent"].create({
            "structure_id": structure.id, "partner_id": person.id, "date_start": date_start})

    def visible_menus(self, user):
        return self.env["ir.ui.menu"].sudo(user)._visible_menu_ids()

    def menu_name(self, xmlid, lang="fr_FR"):
        return self.env.ref(xmlid).with_context(lang=lang).name
