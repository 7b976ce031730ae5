odoo.define('defis_reuse.pos', function (require) {
"use strict";

// Refurbished devices at the till: one line per device (lot), priced by the
// grid, sold only to a valid member; Pass numérique vouchers.

var core = require('web.core');
var rpc = require('web.rpc');
var session = require('web.session');
var gui = require('point_of_sale.gui');
var models = require('point_of_sale.models');
var PopupWidget = require('point_of_sale.popups');
var screens = require('point_of_sale.screens');

var _t = core._t;

models.load_fields('res.partner', ['defis_member_until']);
models.load_fields('account.journal', ['defis_pass_numerique', 'defis_loan_deposit']);
models.load_fields('product.product', ['defis_price_min', 'defis_price_max']);

models.load_models({
    label: 'defis_devices',
    loaded: function (self) {
        return rpc.query({
            model: 'pos.config',
            method: 'defis_pos_devices',
            args: [[self.config.id]],
            kwargs: {context: session.user_context},
        }).then(function (devices) {
            self.defis_set_devices(devices);
        });
    },
});

var _super_posmodel = models.PosModel.prototype;
models.PosModel = models.PosModel.extend({
    load_server_data: function () {
        var self = this;
        return _super_posmodel.load_server_data.apply(this, arguments).then(function () {
            // loan deposits are counted by the office when a loan becomes a sale
            self.cashregisters = _.reject(self.cashregisters, function (register) {
                return register.journal.defis_loan_deposit;
            });
        });
    },
    defis_voucher_value: function () {
        return this.config.defis_voucher_value;
    },
    // the membership as the server knows it now (the customers' list may be
    // older); the loaded value when the server cannot be reached
    defis_refresh_member: function (client) {
        return rpc.query({
            model: 'res.partner',
            method: 'read',
            args: [[client.id], ['defis_member_until']],
            kwargs: {context: session.user_context},
        }, {timeout: 3000, shadow: true}).then(function (rows) {
            if (rows.length) {
                client.defis_member_until = rows[0].defis_member_until;
            }
        }, function (error, event) {
            if (event) {
                event.preventDefault();
            }
        });
    },
    defis_set_devices: function (devices) {
        var self = this;
        this.defis_devices = devices;
        this.defis_devices_by_id = {};
        this.defis_device_by_code = {};
        this.defis_device_products = {};
        _.each(devices, function (device) {
            self.defis_devices_by_id[device.id] = device;
            self.defis_device_by_code[device.asset_tag] = device;
            self.defis_device_by_code[device.name] = device;
            if (device.serial) {
                self.defis_device_by_code[device.serial] = device;
            }
            self.defis_device_products[device.product_id] = true;
        });
    },
    defis_is_device_product: function (product) {
        return product.tracking === 'serial' && !!this.defis_device_products[product.id];
    },
    defis_has_price_grid: function (product) {
        return product.tracking === 'serial' && product.defis_price_max > 0;
    },
    defis_devices_of: function (product, order) {
        var taken = order ? order.defis_device_ids() : [];
        return _.filter(this.defis_devices, function (device) {
            return device.product_id === product.id && !_.contains(taken, device.id);
        });
    },
    scan_product: function (parsed_code) {
        var device = this.defis_device_by_code[parsed_code.code];
        if (device) {
            this.get_order().defis_add_device(device);
            return true;
        }
        return _super_posmodel.scan_product.apply(this, arguments);
    },
    push_order: function (order) {
        var self = this;
        if (order) {
            // a device sold here is no longer offered by this till
            _.each(order.defis_device_ids(), function (id) {
                var device = self.defis_devices_by_id[id];
                self.defis_devices = _.without(self.defis_devices, device);
            });
        }
        return _super_posmodel.push_order.apply(this, arguments);
    },
});

var _super_order = models.Order.prototype;
models.Order = models.Order.extend({
    add_product: function (product, options) {
        options = options || {};
        if (!options.defis_device && this.pos.defis_is_device_product(product)) {
            this.pos.gui.show_popup('defis-device', {product: product, order: this});
            return;
        }
        return _super_order.add_product.apply(this, arguments);
    },
    defis_device_ids: function () {
        return _.compact(this.get_orderlines().map(function (line) {
            return line.defis_device && line.defis_device.id;
        }));
    },
    defis_has_devices: function () {
        return this.defis_device_ids().length > 0;
    },
    defis_add_device: function (device) {
        if (_.contains(this.defis_device_ids(), device.id)) {
            this.pos.gui.show_popup('error', {
                title: _t('Device already in the order'),
                body: _.str.sprintf(_t('%s is already in this order.'), device.asset_tag),
            });
            return false;
        }
        var product = this.pos.db.get_product_by_id(device.product_id);
        this.add_product(product, {
            price: device.price, merge: false, defis_device: device,
            // the grid price stays when the customer's pricelist applies
            extras: {defis_device: device, price_manually_set: true}});
        var line = this.get_selected_orderline();
        line.defis_set_lot(device);
        return line;
    },
    display_lot_popup: function () {
        var line = this.get_selected_orderline();
        if (line && line.defis_device) {
            return;
        }
        return _super_order.display_lot_popup.apply(this, arguments);
    },
    defis_vouchers: function () {
        return _.flatten(this.get_paymentlines().map(function (line) {
            return line.defis_vouchers || [];
        }));
    },
});

var _super_orderline = models.Orderline.prototype;
models.Orderline = models.Orderline.extend({
    init_from_JSON: function (json) {
        _super_orderline.init_from_JSON.apply(this, arguments);
        if (json.defis_lot_id) {
            this.defis_device = this.pos.defis_devices_by_id[json.defis_lot_id] ||
                {id: json.defis_lot_id, label: '', asset_tag: '', warranty_months: 0};
        }
    },
    export_as_JSON: function () {
        var json = _super_orderline.export_as_JSON.apply(this, arguments);
        json.defis_lot_id = this.defis_device ? this.defis_device.id : false;
        return json;
    },
    defis_set_lot: function (device) {
        this.pack_lot_lines.reset();
        var lot = this.compute_lot_lines().first();
        lot.set_lot_name(device.name);
        this.trigger('change', this);
    },
    can_be_merged_with: function (orderline) {
        if (this.defis_device || orderline.defis_device) {
            return false;
        }
        return _super_orderline.can_be_merged_with.apply(this, arguments);
    },
    defis_warranty_end: function () {
        if (!this.defis_device || !this.defis_device.warranty_months) {
            return '';
        }
        return moment().add(this.defis_device.warranty_months, 'months').format('L');
    },
});

var _super_paymentline = models.Paymentline.prototype;
models.Paymentline = models.Paymentline.extend({
    init_from_JSON: function (json) {
        _super_paymentline.init_from_JSON.apply(this, arguments);
        this.defis_vouchers = json.defis_vouchers || [];
    },
    export_as_JSON: function () {
        var json = _super_paymentline.export_as_JSON.apply(this, arguments);
        json.defis_vouchers = this.defis_vouchers || [];
        return json;
    },
});

var DevicePopupWidget = PopupWidget.extend({
    template: 'DefisDevicePopupWidget',
    events: _.extend({}, PopupWidget.prototype.events, {
        'keyup .defis-device-search': 'filter_devices',
    }),
    show: function (options) {
        this.devices = this.pos.defis_devices_of(options.product, options.order);
        this.shown = this.devices;
        this._super(options);
        this.$('.defis-device-search').focus();
    },
    filter_devices: function (event) {
        var term = (event.target.value || '').toLowerCase();
        this.shown = _.filter(this.devices, function (device) {
            return [device.asset_tag, device.serial, device.label].join(' ')
                .toLowerCase().indexOf(term) !== -1;
        });
        this.$('.defis-device-list').html(core.qweb.render('DefisDeviceList', {widget: this}));
    },
    click_item: function (event) {
        var device = this.pos.defis_devices_by_id[$(event.currentTarget).data('device-id')];
        this.gui.close_popup();
        if (device) {
            this.options.order.defis_add_device(device);
        }
    },
});
gui.define_popup({name: 'defis-device', widget: DevicePopupWidget});

screens.PaymentScreenWidget.include({
    click_paymentmethods: function (id) {
        var self = this;
        var cashregister = _.find(this.pos.cashregisters, function (register) {
            return register.journal_id[0] === id;
        });
        if (!cashregister || !cashregister.journal.defis_pass_numerique) {
            return this._super(id);
        }
        // the screen's keyboard handler would swallow what is typed
        // (bound as the screen binds it, by jQuery and natively)
        var body = window.document.body;
        var keyboard = function (on) {
            $('body').off('keypress', self.keyboard_handler)
                .off('keydown', self.keyboard_keydown_handler);
            body.removeEventListener('keypress', self.keyboard_handler);
            body.removeEventListener('keydown', self.keyboard_keydown_handler);
            if (on) {
                $('body').keypress(self.keyboard_handler).keydown(self.keyboard_keydown_handler);
                body.addEventListener('keypress', self.keyboard_handler);
                body.addEventListener('keydown', self.keyboard_keydown_handler);
            }
        };
        keyboard(false);
        this.gui.show_popup('textinput', {
            title: _t('Pass numérique voucher numbers (separated by spaces)'),
            cancel: function () {
                keyboard(true);
            },
            confirm: function (value) {
                keyboard(true);
                var numbers = _.uniq(_.compact((value || '').toUpperCase().split(/[\s,;]+/)));
                if (!numbers.length) {
                    return;
                }
                var order = self.pos.get_order();
                order.add_paymentline(cashregister);
                var line = order.selected_paymentline;
                line.defis_vouchers = numbers;
                line.set_amount(self.pos.defis_voucher_value() * numbers.length);
                self.reset_input();
                self.render_paymentlines();
            },
        });
    },
    validate_order: function (force_validation) {
        var self = this;
        var order = this.pos.get_order();
        var client = order.get_client();
        var _super = this._super.bind(this);
        if (!order.defis_has_devices() || !client) {
            return _super(force_validation);
        }
        if (this.defis_refreshing) {
            return;
        }
        this.defis_refreshing = true;
        this.pos.defis_refresh_member(client).always(function () {
            self.defis_refreshing = false;
            _super(force_validation);
        });
    },
    order_is_valid: function (force_validation) {
        var order = this.pos.get_order();
        if (order.defis_has_devices() && !this.defis_check_member(order)) {
            return false;
        }
        if (!this.defis_check_vouchers(order)) {
            return false;
        }
        return this._super(force_validation);
    },
    defis_check_member: function (order) {
        var client = order.get_client();
        var today = moment().format('YYYY-MM-DD');
        if (!client) {
            this.gui.show_popup('error', {
                title: _t('Member required'),
                body: _t('A refurbished device is sold only to a member of the association: choose the customer first.'),
            });
            return false;
        }
        // the server says until when the membership valid today runs
        if (!client.defis_member_until || client.defis_member_until < today) {
            this.gui.show_popup('error', {
                title: _t('Not a member'),
                body: _.str.sprintf(_t('%s is not a member of the association today: renew the membership before selling a device.'), client.name),
            });
            return false;
        }
        return true;
    },
    defis_check_vouchers: function (order) {
        var all = [];
        var lines = order.get_paymentlines();
        for (var i = 0; i < lines.length; i++) {
            if (!lines[i].cashregister.journal.defis_pass_numerique) {
                continue;
            }
            var vouchers = lines[i].defis_vouchers || [];
            var value = this.pos.defis_voucher_value();
            if (Math.abs(lines[i].get_amount() - value * vouchers.length) > 0.001) {
                this.gui.show_popup('error', {
                    title: _t('Pass numérique'),
                    body: _.str.sprintf(_t('The amount paid in Pass numérique must be %s per voucher (%s vouchers).'), this.format_currency(value), vouchers.length),
                });
                return false;
            }
            all = all.concat(vouchers);
        }
        if (_.uniq(all).length !== all.length) {
            this.gui.show_popup('error', {
                title: _t('Pass numérique'),
                body: _t('The same voucher number is entered twice.'),
            });
            return false;
        }
        return true;
    },
});

return {DevicePopupWidget: DevicePopupWidget};
});
