import json, sys
from xml.sax.saxutils import escape
def fods(headers, rows, grouped_cols, path):
    out = ['''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:styles>
  <style:default-style style:family="table-cell"><style:text-properties fo:language="nl" fo:country="NL"/></style:default-style>
 </office:styles>
 <office:automatic-styles>
  <number:number-style style:name="N1" number:language="nl" number:country="NL"><number:number number:min-integer-digits="1" number:decimal-places="0" number:grouping="true"/></number:number-style>
  <number:number-style style:name="N2" number:language="nl" number:country="NL"><number:number number:min-integer-digits="1" number:decimal-places="2"/></number:number-style>
  <style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>
  <style:style style:name="ce2" style:family="table-cell" style:data-style-name="N2"/>
 </office:automatic-styles>
 <office:body><office:spreadsheet><table:table table:name="Gemeenten">''']
    def row(cells):
        out.append('<table:table-row>')
        for style, c in cells:
            if c is None:
                out.append('<table:table-cell/>')
            elif isinstance(c, str):
                out.append('<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % escape(c))
            else:
                st = ' table:style-name="%s"' % style if style else ''
                out.append('<table:table-cell office:value-type="float" office:value="%r"%s><text:p>%r</text:p></table:table-cell>' % (c, st, c))
        out.append('</table:table-row>')
    row([(None, h) for h in headers])
    for r in rows:
        row([(grouped_cols.get(i), v) for i, v in enumerate(r)])
    out.append('</table:table></office:spreadsheet></office:body></office:document>')
    open(path, 'w').write('\n'.join(out))

root = sys.argv[1]
d = json.load(open(root + '/Scenarios/drechtsteden.json'))
H = ['CBS-code','Gemeente','Inwoners','Huishoudens','Sociale huur','Middenhuur','Betaalbare koop','Vrije sector','Nieuwbouw min','Nieuwbouw max','Verhuringen','Max. aandeel urgenten','75-plussers']
rows = []
for k, m in d['municipalities'].items():
    s = m['stock']
    rows.append([k, m['name'], m['population'], m['households'], s['social-rent'], s['mid-rent'], s['affordable-owner'], s['market'], m['newHomes']['min'], m['newHomes']['max'], m['lettings'], m['maxPriorityShare'], m['attributes']['elderly75']])
fods(H, rows, {}, 'drechtsteden-gemeenten.fods')

d = json.load(open(root + '/Scenarios/three-towns.json'))
H = ['Code','Naam','Inwoners','Voorraad sociale huur','Voorraad vrije sector','Nieuwbouw','Verhuringen','Max. aandeel statushouders']
rows = []
for k, m in d['municipalities'].items():
    s = m['stock']
    rows.append([k, m['name'], m['population'], s['social-rent'], s['market'], m['newHomes'], m['lettings'], m['maxPriorityShare']])
# thousands separators on inhabitants and stock (#.##0), two decimals on the share
fods(H, rows, {2: 'ce1', 3: 'ce1', 4: 'ce1', 7: 'ce2'}, 'three-towns-gemeenten.fods')
