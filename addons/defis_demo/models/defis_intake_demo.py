# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demo data: the intakes of 2018 (788 devices collected) walked through the
workshop by the real methods: 440 ready, 190 for parts, 120 recycled, 38
still in the workshop. Devices are picked by asset tag order."""
import logging
import time
from datetime import timedelta

from odoo import api, fields, models

_logger = logging.getLogger(__name__)
# progress lines of the demo's creation (scripts/progress.py prints them)
_progress = logging.getLogger("defis.demo")

DONORS = [
    "lorient_agglo", "lanester_town", "departement", "caf", "hospital", "lycee", "ubs",
    "armor_logistique", "breizh_info", "cabinet_le_gall", "mutuelle", "banque",
    "chantier_naval", "hennebont_town", "ploemeur_town", "cci", "assurances", "transport",
    "person_le_floch", "person_guillou", "person_morvan", "person_le_goff", "person_tanguy",
    "person_cadoret", "person_quere",
]
INDIVIDUALS = 7  # the last donors are persons: small donations
INTAKES = 40
SERIAL_DEVICES = 788
READY, PARTS, RECYCLED = 440, 190, 120  # the rest stays in the workshop
# category: brand, model, specifications of the devices once refurbished
MODELS = {
    "desktop": ("Dell", "OptiPlex 7010", {
        "defis_processor": "Intel Core i5-3470", "defis_ram_gb": 8, "defis_storage_gb": 500,
        "defis_storage_type": "hdd", "defis_os": "Linux Mint 19"}),
    "laptop": ("Lenovo", "ThinkPad T440", {
        "defis_processor": "Intel Core i5-4300U", "defis_ram_gb": 8, "defis_storage_gb": 240,
        "defis_storage_type": "ssd", "defis_screen_inches": 14, "defis_os": "Windows 10"}),
    "monitor": ("Dell", "P2214H", {"defis_screen_inches": 22, "defis_storage_type": "none"}),
    "tablet": ("Samsung", "Galaxy Tab A", {
        "defis_storage_gb": 16, "defis_storage_type": "emmc", "defis_screen_inches": 10.1,
        "defis_os": "Android 8"}),
    "phone": ("Samsung", "Galaxy S7", {
        "defis_storage_gb": 32, "defis_storage_type": "emmc", "defis_screen_inches": 5.1,
        "defis_os": "Android 8"}),
}
ERASURES = {
    "desktop": {"method": "overwrite", "passes": 1, "standard": "NIST SP 800-88 r1",
                "tool": "ShredOS nwipe 0.34"},
    "laptop": {"method": "ata_secure", "standard": "NIST SP 800-88 r1",
               "tool": "hdparm 9.58 (ATA Secure Erase)"},
    "monitor": {"method": "no_storage", "standard": "NIST SP 800-88 r1",
                "tool": "Contrôle visuel"},
    "tablet": {"method": "crypto", "standard": "ANSSI",
               "tool": "Réinitialisation d'usine (stockage chiffré)"},
    "phone": {"method": "crypto", "standard": "ANSSI",
              "tool": "Réinitialisation d'usine (stockage chiffré)"},
}
GRADES = ["a", "b", "b", "a", "c"]


def _day(date, days):
    return fields.Date.to_string(fields.Date.from_string(date) + timedelta(days=days))


class DefisIntake(models.Model):
    _inherit = "defis.intake"

    @api.model
    def _defis_demo_intakes(self):
        started = time.time()
        self = self.with_context(
            tracking_disable=True, mail_create_nolog=True, mail_notrack=True,
            lang="fr_FR")
        intakes = self.browse()
        sizes = self._defis_demo_sizes()
        for index in range(INTAKES):
            intakes |= self._defis_demo_intake(index, sizes[index])
            _progress.info("workshop: intakes", extra={"done": index + 1, "total": INTAKES})
        _progress.info("workshop: the devices walked through the workshop")
        intakes.action_validate()
        lots = self.env["stock.production.lot"].search(
            [("defis_intake_line_id.intake_id", "in", intakes.ids)], order="name")
        self._defis_demo_workshop(intakes, lots)
        _logger.info("defis_reuse demo: %d intakes, %d devices in %.1f s",
                     len(intakes), len(lots), time.time() - started)
        return True

    @api.model
    def _defis_demo_sizes(self):
        """Serial devices per intake: 3 for a person, the rest shared."""
        persons = [i for i in range(INTAKES) if i % len(DONORS) >= len(DONORS) - INDIVIDUALS]
        companies = [i for i in range(INTAKES) if i not in persons]
        share, extra = divmod(SERIAL_DEVICES - 3 * len(persons), len(companies))
        sizes = {i: 3 for i in persons}
        for rank, i in enumerate(companies):
            sizes[i] = share + (1 if rank < extra else 0)
        return sizes

    @api.model
    def _defis_demo_intake(self, index, size):
        """The ``index``-th intake of 2018, of ``size`` serial devices."""
        donor = self.env.ref("defis_demo.donor_%s_demo" % DONORS[index % len(DONORS)])
        counts = {"desktop": size * 38 // 100, "laptop": size * 26 // 100,
                  "tablet": 1 if index % 2 == 0 and size > 3 else 0,
                  "phone": 1 if index % 3 == 0 and size > 3 else 0}
        counts["monitor"] = size - sum(counts.values())
        return self._defis_demo_intake_of(donor, _day("2018-01-08", index * 8), counts, index)

    @api.model
    def _defis_demo_intake_of(self, donor, date, counts, index):
        """An intake of ``donor`` on ``date``: ``counts`` serial devices by
        category code, and printers, scanners and accessories as ``index``
        falls (laptops carry serial numbers of the ``index``-th intake)."""
        ref = self.env.ref
        lines = []
        for code in ("desktop", "laptop", "monitor", "tablet", "phone"):
            if not counts.get(code):
                continue
            category = ref("defis_reuse.device_category_%s" % code)
            brand, model, _specs = MODELS[code]
            serials = ["5CG%04d%03d" % (index, n) for n in range(counts[code])] \
                if code == "laptop" else []
            lines.append((0, 0, {
                "category_id": category.id, "quantity": counts[code],
                "weight_kg": round(counts[code] * category.avg_weight_kg * 1.05, 1),
                "brand": brand, "model": model, "serial_numbers": "\n".join(serials)}))
        for code, quantity, weight, when in (
                ("printer", index % 4 + 1, 7.5, index % 3 == 0),
                ("scanner", 2, 3.4, index % 5 == 0),
                ("other", 5, 1.2, index % 4 == 1)):
            if when:
                lines.append((0, 0, {
                    "category_id": ref("defis_reuse.device_category_%s" % code).id,
                    "quantity": quantity, "weight_kg": quantity * weight}))
        return self.create({
            "partner_id": donor.id, "date": date, "place": donor.city, "line_ids": lines})

    @api.model
    def _defis_demo_workshop(self, intakes, lots):
        """Route every device by its rank (a permutation of the ranks, so
        the counts are exact and the outcomes mixed within each intake)."""
        outcome = {}
        for rank, lot in enumerate(lots):
            slot = rank * 7 % len(lots)
            outcome[lot.id] = (
                "ready" if slot < READY else "parts" if slot < READY + PARTS
                else "recycled" if slot < READY + PARTS + RECYCLED
                else "erased" if slot % 2 else "diagnosed")
        # the workshop processes each month's intakes together
        months = {}
        for intake in intakes:
            months.setdefault(intake.date[:7], intakes.browse())
            months[intake.date[:7]] |= intake
        for month_intakes in months.values():
            mine = lots.filtered(lambda lot: lot.defis_intake_id in month_intakes)
            groups = {}
            for lot in mine:
                groups.setdefault(outcome[lot.id], lots.browse())
                groups[outcome[lot.id]] |= lot
            self._defis_demo_route(max(month_intakes.mapped("date")), groups)

    @api.model
    def _defis_demo_route(self, date, groups):
        ref = self.env.ref
        empty = self.env["stock.production.lot"]
        if groups.get("parts"):
            groups["parts"]._defis_route("parts", date=_day(date, 2))
        if groups.get("recycled"):
            groups["recycled"]._defis_route("recycled", date=_day(date, 2))
        ready = groups.get("ready", empty)
        refurbished = ready | groups.get("refurbished", empty)
        erased = refurbished | groups.get("erased", empty)
        bench = erased | groups.get("diagnosed", empty)
        if not bench:
            return
        bench._defis_route("diagnosed", date=_day(date, 3))
        self._defis_demo_erase(erased, _day(date, 5))
        if not refurbished:
            return
        refurbished._defis_route("refurbished", date=_day(date, 7))
        if not ready:
            return
        ready.mapped("defis_check_ids").write({"done": True, "date": _day(date, 8)})
        for grade in set(GRADES):
            ready.filtered(lambda lot, grade=grade: GRADES[lot.id % len(GRADES)] == grade) \
                .write({"defis_grade_id": ref("defis_reuse.device_grade_%s" % grade).id})
        for category in ready.mapped("defis_category_id"):
            ready.filtered(lambda lot, category=category: lot.defis_category_id == category) \
                .write(MODELS[category.code][2])
        ready._defis_route("ready", date=_day(date, 10))

    @api.model
    def _defis_demo_erase(self, lots, date):
        Erasure = self.env["defis.erasure"]
        for category in lots.mapped("defis_category_id"):
            Erasure.record_batch(
                lots.filtered(lambda lot, category=category: lot.defis_category_id == category),
                dict(ERASURES[category.code], date=date))
