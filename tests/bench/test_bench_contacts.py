"""Creating 1,000 contacts: ``res.partner.create`` with every override the
installed add-ons (Odoo's and Défis') stack on it, against the ORM's storage
layer alone (defaults + ``_create``), which no ``create`` override runs.
The floors of the path, each against the same storage: the ORM's own
create(); Odoo's own contact (base's and mail's create: the chatter's
creation message, its author following it); then what the Défis add-ons and
the audit trail add to Odoo's own contact."""
from odoo import models

from odoo.addons.base.res.res_partner import Partner as OdooPartner

from .harness import BenchCase

COUNT = 1000
# the cases that locate the floor: fewer contacts, the ratio is per contact
FLOOR_COUNT = 100


def contact_values(index):
    return {
        "name": "Foyer %04d" % index,
        "city": "Lanester",
        "zip": "56600",
        "email": "foyer%04d@example.org" % index,
    }


class TestBenchContacts(BenchCase):

    # one run of each: a run is hundreds of creations (minutes for the
    # 1,000), long enough for a pause of the machine to weigh little
    repeat = 1

    def create_with_overrides(self):
        partners = self.env["res.partner"]
        for index in range(COUNT):
            partners.create(contact_values(index))

    def store_only(self, count=COUNT):
        partners = self.env["res.partner"]
        for index in range(count):
            partners._create(partners._add_missing_default_values(contact_values(index)))

    def test_create_contacts(self):
        self.compare("1,000 contacts: res.partner.create vs ORM storage only",
                     self.create_with_overrides, self.store_only, COUNT)

    def create_without_chatter(self):
        partners = self.env["res.partner"].with_context(tracking_disable=True)
        for index in range(FLOOR_COUNT):
            partners.create(contact_values(index))

    def test_create_contacts_without_chatter(self):
        """Odoo's chatter on a created record (its author following it, the
        « created » message and its notification) is mail.thread's, not ours:
        the same creations without it, every other override kept."""
        self.compare("%d contacts: create without Odoo's chatter vs ORM storage" % FLOOR_COUNT,
                     self.create_without_chatter, self.store_floor_count, FLOOR_COUNT)

    def create_by_the_orm_alone(self):
        partners = self.env["res.partner"]
        for index in range(FLOOR_COUNT):
            # the ORM's own create(), none of the overrides stacked on it
            models.BaseModel.create(partners, contact_values(index))

    def test_floor_of_the_orm_path(self):
        """What Odoo 11's create() itself costs over its storage (defaults of
        company-dependent fields as properties, inverses, the created
        record's cache), with no override: the floor of any create()."""
        self.compare("%d contacts: the ORM's create() alone vs ORM storage" % FLOOR_COUNT,
                     self.create_by_the_orm_alone, self.store_floor_count, FLOOR_COUNT)

    def create_as_odoo_alone(self):
        partners = self.env["res.partner"]
        for index in range(FLOOR_COUNT):
            # base's create() and what it calls: mail's chatter, the ORM;
            # none of the overrides stacked on base's (audit trail, Défis)
            OdooPartner.create(partners, contact_values(index))

    def test_floor_of_odoos_own_contact(self):
        """Odoo 11's own contact: the floor of res.partner.create before any
        add-on of ours or the audit trail."""
        self.compare("%d contacts: Odoo's own create (base, chatter) vs ORM storage" % FLOOR_COUNT,
                     self.create_as_odoo_alone, self.store_floor_count, FLOOR_COUNT)

    def create_floor_count(self):
        partners = self.env["res.partner"]
        for index in range(FLOOR_COUNT):
            partners.create(contact_values(index))

    def test_what_defis_and_the_audit_trail_add(self):
        """Every override against Odoo's own contact: what the Défis add-ons
        (their fields, checks and computations) and the audit trail cost."""
        self.compare("%d contacts: every override vs Odoo's own create" % FLOOR_COUNT,
                     self.create_floor_count, self.create_as_odoo_alone, FLOOR_COUNT)

    def store_floor_count(self):
        self.store_only(FLOOR_COUNT)

    def create_with_typed_phones(self):
        partners = self.env["res.partner"]
        for index in range(FLOOR_COUNT):
            partners.create(dict(contact_values(index),
                                 defis_phone_display="02 97 %02d %02d %02d" % (
                                     10 + index // 10000, index // 100 % 100, index % 100)))

    def store_only_with_phones(self):
        partners = self.env["res.partner"]
        for index in range(FLOOR_COUNT):
            partners._create(partners._add_missing_default_values(dict(
                contact_values(index), phone="+332970%06d" % index)))

    def test_create_contacts_with_a_typed_phone(self):
        """A phone typed in the Défis field: validated, stored in E.164, its
        normalised copy and flag computed."""
        self.compare("%d contacts with a typed phone: create vs ORM storage only" % FLOOR_COUNT,
                     self.create_with_typed_phones, self.store_only_with_phones, FLOOR_COUNT)
