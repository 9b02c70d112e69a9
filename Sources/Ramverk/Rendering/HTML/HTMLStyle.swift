/// The stylesheet of every HTML page: quiet and readable on screen, and on paper A4
/// with margins, tables that repeat their header and do not split a row, charts that
/// scale to the page and stay whole. System fonts only: nothing is fetched.
enum HTMLStyle {
    static let sheet = """
    :root { --text: #1f2933; --muted: #5b6770; --line: #d5dbe1; --soft: #f3f5f7; --accent: #1f4e79;
      --ok: #2e7d4f; --bad: #b3261e; --warn: #9a6700; }
    * { box-sizing: border-box; }
    html { background: #fff; }
    body { margin: 0; color: var(--text); background: #fff;
      font: 14px/1.45 "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif; }
    main { max-width: 1080px; margin: 0 auto; padding: 28px 32px 40px; }
    header { border-bottom: 3px solid var(--accent); padding-bottom: 10px; margin-bottom: 18px; }
    h1 { font-size: 26px; margin: 0 0 4px; color: var(--accent); letter-spacing: -0.01em; }
    header p { margin: 2px 0; color: var(--muted); }
    header p.undertitel { font-size: 17px; color: var(--text); font-weight: 600; }
    h2 { font-size: 19px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); color: var(--accent); }
    h3 { font-size: 15px; margin: 18px 0 6px; }
    h2 small, h3 small { font-weight: normal; font-size: 13px; color: var(--muted); }
    p { margin: 6px 0; }
    .not, .notering { color: var(--muted); font-size: 12.5px; }
    .tabell { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 13px; }
    table.smal { width: auto; min-width: 55%; }
    caption { text-align: left; font-weight: 600; padding: 4px 0; }
    th, td { padding: 3px 8px; border-bottom: 1px solid var(--line); vertical-align: top; text-align: left; }
    thead th { background: var(--soft); border-bottom: 2px solid #aab4be; font-weight: 600; vertical-align: bottom; }
    .h { text-align: right; }
    .c { text-align: center; }
    .tal { white-space: nowrap; font-variant-numeric: tabular-nums; }
    tr.omrade td { font-weight: 600; padding-top: 8px; border-bottom: none; }
    tr.summa td { font-weight: 600; border-top: 1px solid #8a96a3; }
    tr.figur td { font-weight: 600; }
    td.andrad { background: #fff4cc; }
    tr.totalt td { font-weight: 700; border-top: 2px solid var(--text); border-bottom: 3px double var(--text); }
    tr.tryckt td { color: var(--bad); font-size: 12px; border-bottom: none; }
    td.fel, li.fel, .fel { color: var(--bad); }
    td.ok, li.ok, .ok { color: var(--ok); }
    td.plats { white-space: nowrap; color: var(--muted); font-size: 12px; }
    td.markor { width: 1.2em; color: var(--muted); }
    .nyckeltal { display: flex; flex-wrap: wrap; gap: 10px; margin: 14px 0 6px; }
    .ruta { flex: 1 1 200px; border: 1px solid var(--line); border-left: 5px solid var(--accent); border-radius: 4px;
      padding: 8px 12px; background: var(--soft); }
    .ruta.ok { border-left-color: var(--ok); }
    .ruta.fel { border-left-color: var(--bad); }
    .ruta .etikett { display: block; font-size: 12px; color: var(--muted); }
    .ruta .varde { display: block; font-size: 20px; font-weight: 600; color: var(--text); }
    .ruta .not { display: block; }
    ul.kontroller { list-style: none; padding-left: 0; margin: 6px 0; }
    ul.kontroller li { padding: 3px 0; border-bottom: 1px solid var(--soft); }
    figure { margin: 10px 0 16px; }
    figure svg { display: block; width: 100%; max-width: 760px; height: auto; }
    figcaption { font-size: 12.5px; color: var(--muted); margin-top: 4px; }
    details { margin: 6px 0; }
    summary { cursor: pointer; color: var(--accent); }
    footer { margin-top: 32px; padding-top: 8px; border-top: 1px solid var(--line); font-size: 12px; color: var(--muted); }
    @page { size: A4; margin: 16mm 14mm 18mm; }
    @media print {
      body { font-size: 9.5pt; }
      main { max-width: none; padding: 0; }
      h1 { font-size: 18pt; }
      h2 { font-size: 13pt; margin-top: 16pt; break-after: avoid; page-break-after: avoid; }
      h3 { font-size: 11pt; break-after: avoid; page-break-after: avoid; }
      table { font-size: 8.5pt; }
      th, td { padding: 1.5pt 4pt; }
      thead { display: table-header-group; }
      tr, figure, .ruta, ul.kontroller li { break-inside: avoid; page-break-inside: avoid; }
      figure svg { max-width: 100%; }
      .tabell { overflow: visible; }
      .nyckeltal { gap: 6pt; }
      summary { color: var(--text); }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }

    """
}
