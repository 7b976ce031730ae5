from .common import DefisCase


class TestMembership(DefisCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create({
            "name": "Adhésion test", "membership": True, "list_price": 10.0,
            "membership_date_from": "2018-01-01", "membership_date_to": "2018-12-31"})
        cls.household = cls.create_person("Foyer Le Corre", defis_is_household=True)

    def add_line(self, partner, date_from, date_to, state="paid", price=10.0, **values):
        return self.env["membership.membership_line"].create(dict(
            partner=partner.id, membership_id=self.product.id, date=date_from,
            date_from=date_from, date_to=date_to, member_price=price, state=state, **values))

    def test_paid_membership_covers_its_period(self):
        self.add_line(self.household, "2018-03-15", "2019-03-14")
        self.assertTrue(self.household.defis_is_member_on("2018-03-15"))
        self.assertTrue(self.household.defis_is_member_on("2019-03-14"))
        self.assertFalse(self.household.defis_is_member_on("2018-03-14"))
        self.assertFalse(self.household.defis_is_member_on("2019-03-15"))

    def test_waived_fee_counts(self):
        self.add_line(self.household, "2018-01-01", "2018-12-31", state="free", price=0.0)
        self.assertTrue(self.household.defis_is_member_on("2018-06-01"))

    def test_unpaid_or_cancelled_does_not_count(self):
        self.add_line(self.household, "2018-01-01", "2018-12-31", state="invoiced")
        self.assertFalse(self.household.defis_is_member_on("2018-06-01"))
        self.add_line(self.household, "2018-01-01", "2018-12-31", date_cancel="2018-05-01")
        self.assertTrue(self.household.defis_is_member_on("2018-04-30"))
        self.assertFalse(self.household.defis_is_member_on("2018-06-01"))

    def test_associate_member_and_free_member(self):
        main = self.create_person("Foyer Tanguy", defis_is_household=True)
        self.add_line(main, "2018-01-01", "2018-12-31")
        child = self.create_person("Enora Tanguy", associate_member=main.id)
        self.assertTrue(child.defis_is_member_on("2018-06-01"))
        honorary = self.create_person("Membre d'honneur", free_member=True)
        self.assertTrue(honorary.defis_is_member_on("2030-01-01"))

    def test_members_on_filters_a_recordset(self):
        other = self.create_person("Foyer Le Gall", defis_is_household=True)
        self.add_line(self.household, "2018-01-01", "2018-12-31")
        both = self.household | other
        self.assertEqual(both.defis_members_on("2018-06-01"), self.household)
