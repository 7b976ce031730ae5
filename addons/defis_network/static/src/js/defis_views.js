odoo.define('defis_network.views', function (require) {
"use strict";

var core = require('web.core');
var GraphRenderer = require('web.GraphRenderer');
var ListRenderer = require('web.ListRenderer');

var _t = core._t;

// The bar chart's "Grouped" / "Stacked" switch is drawn by nvd3 with its own
// English labels: give it labels in the user's language.
GraphRenderer.include({
    _renderBarChart: function () {
        var chart = this._super.apply(this, arguments);
        chart.controlLabels({grouped: _t("Grouped"), stacked: _t("Stacked")});
        chart.update();
        return chart;
    },
});

// A list's button with an icon shows the icon alone (its label is only a
// tooltip); with the class o_defis_labelled it shows its label beside it.
ListRenderer.include({
    _renderButton: function (record, node) {
        var $button = this._super.apply(this, arguments);
        if (node.attrs.icon && /\bo_defis_labelled\b/.test(node.attrs.class || '')) {
            $button.append(' ', $('<span>', {class: 'o_defis_button_label'}).text(node.attrs.string));
        }
        return $button;
    },
});

});
