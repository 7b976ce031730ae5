# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import OrderedDict, namedtuple

from odoo import _, api, fields, models
from odoo.exceptions import UserError

# one unit of a device (lot) or a quantity of items, and where it leaves from
Item = namedtuple("Item", "product quantity lot source")


class DefisDeviceStock(models.AbstractModel):
    """The one stock path of the reuse add-on: every movement of a device or
    of items received by quantity (intake, workshop, loan out and back, sale,
    parts, recycling, loss) is one Odoo picking built and validated by the
    stock engine's own methods, one picking per operation. The devices then
    take their new state, in the same transaction."""

    _name = "defis.device.stock"
    _description = "Stock movements of devices and items"

    # -- public entries ---------------------------------------------------
    @api.model
    def move(self, items, destination, source=None, origin=None, partner=None, date=None,
             state=None, picking_type=None, loan=None):
        """Move ``items`` to ``destination`` in one done picking and give the
        devices ``state``.

        ``items``: devices (a ``stock.production.lot`` recordset: each leaves
        from where it is) and/or items by quantity (``(product, quantity)``
        pairs, leaving from ``source``). Devices already at ``destination``
        are not moved (their state still changes). ``date`` (a date) is when
        it happened. ``partner``: the household of the operation, or {lot id:
        household} for devices of several. Returns the picking (empty when
        nothing moved)."""
        lots, quantities = self._split_items(items)
        lots._defis_lock()
        # a device whose stock already disagrees with its state is not moved
        lots.filtered("defis_state")._defis_check_where(None)
        if state:
            lots._defis_check_transition(state, loan=loan)
        lines = self._device_items(lots, destination) + [
            Item(product, quantity, None, source) for product, quantity in quantities]
        # a household per device (loans started together) is not the picking's
        header = partner if isinstance(partner, models.BaseModel) else None
        picking = self._transfer(lines, destination, origin, header, date, picking_type)
        if state:
            lots._defis_set_state(state, date=date, partner=partner, loan=loan)
        return picking

    @api.model
    def receive(self, entries, destination, source, origin=None, partner=None, date=None):
        """Receive new devices and items from outside (a donation) in one done
        receipt. ``entries``: ``(product, quantity, lot values)`` with one dict
        of lot values per device for a serial product (``None`` for items by
        quantity). The new devices are 'received'. Returns the lots and the
        receipt."""
        Lot = self.env["stock.production.lot"]
        lots = Lot.browse()
        lines = []
        for product, quantity, lot_values in entries:
            if product.tracking == "serial":
                new = self._create_lots(product, lot_values)
                lots |= new
                lines += [Item(product, 1.0, lot, source) for lot in new]
            else:
                lines.append(Item(product, float(quantity), None, source))
        picking_type = self.env.ref("stock.picking_type_in")
        picking = self._transfer(lines, destination, origin, partner, date, picking_type)
        lots._defis_set_state("received", date=date)
        return lots, picking

    # -- items ------------------------------------------------------------
    @api.model
    def _split_items(self, items):
        Lot = self.env["stock.production.lot"]
        if isinstance(items, models.BaseModel):
            return items, []
        lots, quantities = Lot.browse(), []
        for item in items:
            if isinstance(item, models.BaseModel):
                lots |= item
            else:
                quantities.append(item)
        return lots, quantities

    @api.model
    def _device_items(self, lots, destination):
        """One unit per device from where it is; devices already at the
        destination, or given twice, are left out."""
        where = lots._defis_current_locations()
        items = []
        for lot in lots:
            location = where.get(lot.id)
            if not location:
                raise UserError(_("Device %s is not in stock.") % lot.display_name)
            if location != destination:
                items.append(Item(lot.product_id, 1.0, lot, location))
        return items

    @api.model
    def _create_lots(self, product, values_list):
        """The lots of new devices of ``product`` (one dict of values each),
        through the ORM (their history starts with their state)."""
        Lot = self.env["stock.production.lot"].with_context(
            mail_create_nolog=True, mail_create_nosubscribe=True)
        lots = Lot.browse()
        for values in values_list:
            lots |= Lot.create(dict(values, product_id=product.id))
        return lots.with_env(self.env)

    # -- the picking --------------------------------------------------------
    @api.model
    def _transfer(self, items, destination, origin, partner, date, picking_type):
        """One picking of ``items`` to ``destination``: its moves (one per
        product and source) confirmed, one done move line per device or
        quantity, validated by the stock engine, dated ``date``. Created and
        done at once, the picking logs nothing in its chatter: the history is
        on the devices and on the intake, loan, order or batch (``origin``)."""
        if not items:
            return self.env["stock.picking"]
        return self.with_context(
            tracking_disable=True, mail_notrack=True, mail_create_nolog=True,
            mail_create_nosubscribe=True,
        )._transfer_quietly(items, destination, origin, partner, date,
                            picking_type).with_env(self.env)

    @api.model
    def _transfer_quietly(self, items, destination, origin, partner, date, picking_type):
        for item in items:
            if not item.source:
                raise UserError(_("%s: say where the items come from.")
                                % item.product.display_name)
        source = self._common_location(items)
        picking_type = picking_type or self._picking_type(source, destination)
        # what happened another day is dated at noon of that day
        past = date and date != fields.Date.context_today(self)
        done = "%s 12:00:00" % date if past else fields.Datetime.now()
        groups = OrderedDict()
        for item in items:
            groups.setdefault((item.product, item.source), []).append(item)
        picking = self.env["stock.picking"].create({
            "picking_type_id": picking_type.id,
            "location_id": source.id,
            "location_dest_id": destination.id,
            "origin": origin,
            "partner_id": partner.id if partner else False,
            "scheduled_date": done,
            "move_type": "direct",
        })
        Move = self.env["stock.move"]
        moves = Move.browse()
        for (product, location), group in groups.items():
            moves |= Move.create(self._move_values(
                picking, product, location, destination, group, origin))
        moves._action_confirm(merge=False)
        MoveLine = self.env["stock.move.line"]
        for move, ((product, location), group) in zip(moves, groups.items()):
            for item in group:
                MoveLine.create({
                    "move_id": move.id, "picking_id": picking.id,
                    "product_id": product.id, "product_uom_id": product.uom_id.id,
                    "lot_id": item.lot.id if item.lot else False,
                    "qty_done": item.quantity,
                    "location_id": location.id, "location_dest_id": destination.id,
                })
        picking.action_done()
        if picking.state != "done":
            raise UserError(_("The transfer %s could not be done.") % picking.name)
        if past:
            picking.write({"date_done": done})
            moves.write({"date": done})
            picking.move_line_ids.write({"date": done})
        return picking

    @api.model
    def _move_values(self, picking, product, source, destination, items, origin):
        return {
            "name": origin or product.display_name,
            "picking_id": picking.id,
            "picking_type_id": picking.picking_type_id.id,
            "product_id": product.id,
            "product_uom": product.uom_id.id,
            "product_uom_qty": sum(item.quantity for item in items),
            "location_id": source.id,
            "location_dest_id": destination.id,
            "date": picking.scheduled_date,
            "date_expected": picking.scheduled_date,
            "origin": origin,
            "partner_id": picking.partner_id.id,
        }

    @api.model
    def _common_location(self, items):
        """The source of the picking: the items' source, or the nearest
        location holding all of them."""
        sources = list(OrderedDict.fromkeys(item.source for item in items))
        common = sources[0]._defis_ancestors()
        for location in sources[1:]:
            common &= location._defis_ancestors()
        # the deepest one: the ancestor with the most ancestors
        return max(common, key=lambda location: len(location._defis_ancestors()),
                   default=sources[0])

    @api.model
    def _picking_type(self, source, destination):
        if source.usage == "supplier":
            return self.env.ref("stock.picking_type_in")
        if destination.usage == "internal":
            return self.env.ref("stock.picking_type_internal")
        return self.env.ref("stock.picking_type_out")
