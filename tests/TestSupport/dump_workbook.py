# Dumps what openpyxl (an independent reader) sees in a workbook, as JSON on stdout.
import datetime
import json
import sys

import openpyxl


def cell_value(cell):
    value = cell.value
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    return value


def rule_info(rule):
    return {
        "type": rule.type,
        "operator": rule.operator,
        "formula": list(rule.formula or []),
        "dxfId": rule.dxfId,
        "priority": rule.priority,
    }


def main(path):
    book = openpyxl.load_workbook(path)
    out = {"sheets": []}
    for ws in book.worksheets:
        sheet = {
            "name": ws.title,
            "freeze": ws.freeze_panes,
            "autofilter": ws.auto_filter.ref,
            "maxRow": ws.max_row,
            "rows": [],
            "conditionalFormats": [],
            "widths": {k: v.width for k, v in ws.column_dimensions.items()},
            "charts": [type(chart).__name__ for chart in ws._charts],
        }
        setup = ws.page_setup
        properties = ws.sheet_properties.pageSetUpPr
        sheet["page"] = {
            "orientation": setup.orientation,
            "fitToWidth": setup.fitToWidth,
            "fitToHeight": setup.fitToHeight,
            "fitToPage": bool(properties is not None and properties.fitToPage),
            "printTitleRows": ws.print_title_rows,
            "footer": {
                "left": ws.oddFooter.left.text,
                "center": ws.oddFooter.center.text,
                "right": ws.oddFooter.right.text,
            },
        }
        sheet["links"] = {}
        for row in ws.iter_rows():
            sheet["rows"].append([
                {"v": cell_value(c), "t": c.data_type, "f": c.number_format} for c in row
            ])
            for c in row:
                if c.hyperlink is not None:
                    sheet["links"][c.coordinate] = c.hyperlink.target
        for rng in ws.conditional_formatting:
            sheet["conditionalFormats"].append({
                "range": str(rng.sqref),
                "rules": [rule_info(r) for r in rng.rules],
            })
        out["sheets"].append(sheet)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
