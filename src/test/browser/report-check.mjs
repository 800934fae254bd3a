// Opens a report in headless Chromium and prints, as JSON, what a person would see in it: console errors, requests
// that left the file, the lanes, charts and tables, and the effect of the filters and pagers. The Java test
// (ReportBrowserTest) compares the numbers with the job's tables.
//
//   node report-check.mjs REPORT.html SCREENSHOT.png CHROMIUM
import { chromium } from 'playwright-core';

const [, , report, screenshot, executablePath] = process.argv;
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const result = { consoleErrors: [], pageErrors: [], requests: [] };
try {
  const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
  page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') result.consoleErrors.push(m.text()); });
  page.on('pageerror', e => result.pageErrors.push(String(e)));
  page.on('request', r => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) result.requests.push(r.url()); });
  await page.goto('file://' + report);
  await page.waitForSelector('body[data-ready=true]', { timeout: 60000 });

  const tableRows = id => page.$$eval(`#${id} tbody tr`, trs => trs.map(tr => [...tr.children].map(td => td.textContent)));
  const laneStatus = () => page.$eval('#lane-status', s => ({ ...s.dataset }));
  result.summary = await page.$eval('#summary', s => ({ ...s.dataset, text: s.textContent }));
  result.lanes = await page.$$eval('#timeline-chart g.lane', ls => ls.map(l => l.dataset.agent));
  result.laneStatus = await laneStatus();
  result.segments = await page.$$eval('#timeline-chart rect.segment', rs => rs.length);
  result.legs = await page.$$eval('#timeline-chart rect.leg', rs => rs.length);
  result.ticks = await page.$$eval('#timeline-chart .axis text', ts => ts.map(t => t.textContent));
  result.queueCharts = await page.$$eval('#queues .queue', qs => qs.map(q => ({
    queue: q.dataset.queue, charts: q.querySelectorAll('svg.line-chart').length,
    occupancy: [...q.querySelectorAll('svg[data-series=occupancy] circle.point')].map(c => ({ window: c.dataset.window,
      value: Number(c.dataset.value) })) })));
  result.ahtBars = await page.$$eval('#aht-chart rect', rs => rs.length);
  result.ahtTable = await tableRows('aht-table');
  result.histogram = await page.$$eval('#handle-histogram rect', rs => rs.map(r => Number(r.dataset.count)));
  result.nptTable = await tableRows('npt-table');
  result.teamTable = await tableRows('team-table');
  result.alertStatus = await page.$eval('#alert-status', s => ({ ...s.dataset }));
  result.alertTable = await tableRows('alert-table');

  // Paging: the second page of lanes.
  if (!(await page.$eval('#lane-next', b => b.disabled))) {
    await page.click('#lane-next');
    result.secondPage = { status: await laneStatus(), lanes: await page.$$eval('#timeline-chart g.lane', ls => ls.length) };
    await page.click('#lane-previous');
  }
  // Filtering: each team in turn, then back to all.
  result.byTeam = [];
  const teams = await page.$$eval('#team-filter option', os => os.map(o => ({ value: o.value, label: o.textContent })));
  for (const team of teams.slice(1)) {
    await page.selectOption('#team-filter', team.value);
    result.byTeam.push({ team: team.label, agents: Number((await laneStatus()).agents),
      npt: await tableRows('npt-table'), alerts: Number(await page.$eval('#alert-status', s => s.dataset.alerts)) });
  }
  await page.selectOption('#team-filter', '-1');
  await page.fill('#agent-search', result.lanes[0] || 'nobody');
  result.searched = Number((await laneStatus()).agents);
  await page.fill('#agent-search', '');

  await page.screenshot({ path: screenshot, fullPage: true });
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
