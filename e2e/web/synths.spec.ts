// The Synths screens on every kind of database: the list, its facet counts and filters show what
// synths.list and synths.facets answer; a synth's page shows synths.get (a 2.3.0 synth with
// observables, a 2.0.0 synth with Big Five), its outcomes and its transcripts.
import { DATABASE_KINDS, expect, test, type AppDriver } from '../support/fixtures';
import type { ServedApp } from '../support/serve';

interface ListRow {
  id: string;
  nome: string | null;
  descricao: string | null;
  version: string | null;
  linkPhoto: string | null;
}
interface ListPage {
  rows: ListRow[];
  nextCursor: string | null;
  scan: { partial: boolean };
}
interface FacetCount {
  value: string | null;
  count: number;
}
interface Facets {
  facets: Record<'group' | 'gender' | 'ageBand' | 'region' | 'state' | 'schooling' | 'version', FacetCount[]>;
  matched: number;
  sampled: boolean;
}
interface Groups {
  groups: Array<{ id: string; name: string | null; synthCount: number }>;
}
interface Detail {
  id: string;
  nome: string | null;
  version: string | null;
  profile: {
    source: string;
    demographics: { age: number | null; city: string | null; state: string | null; occupation: string | null };
    interests: string[];
    cognitiveContract: { rules: string[] } | null;
    observables: Record<string, number | null> | null;
    bigFive: Record<string, number | null> | null;
  };
  extra: Record<string, unknown>;
}
interface OutcomeRow {
  experimentId: string | null;
  experimentName: string | null;
  successRate: number | null;
}
interface TranscriptRow {
  execId: string;
  synthId: string;
  topic: string | null;
}
interface Activity<Row> {
  rows: Row[];
  nextCursor: string | null;
  available: boolean;
}

const integer = new Intl.NumberFormat('en-US');
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });

async function allSynths(app: AppDriver, server: ServedApp, params: Record<string, unknown>): Promise<ListRow[]> {
  const rows: ListRow[] = [];
  let cursor: string | null = null;
  do {
    const page: ListPage = await app.api<ListPage>(server, 'synths.list', { ...params, limit: 500, ...(cursor ? { cursor } : {}) });
    rows.push(...page.rows);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return rows;
}

const shown = (row: { id: string; nome: string | null }): string => row.nome ?? row.id;

for (const kind of DATABASE_KINDS) {
  test.describe(`on ${kind}`, () => {
    test('the list, its facet counts and filters show what the API answers', async ({ app, page }) => {
      // What the page asks for while it opens: the route's loader asks, the screen reads its answers.
      const asked: string[] = [];
      page.on('request', (request) => {
        const method = /\/api\/(synths\.\w+)$/.exec(request.url())?.[1];
        if (method !== undefined && !(method === 'synths.list' && (request.postDataJSON() as { cursor?: string }).cursor !== undefined)) asked.push(method);
      });
      const server = await app.open(kind, '/synths');
      const grid = page.getByRole('grid', { name: 'Synths' });
      const rows = grid.locator('.data-table__row');
      const panel = page.getByRole('complementary', { name: 'Filters' });
      const [first, facets, groups] = await Promise.all([
        app.api<ListPage>(server, 'synths.list', {}),
        app.api<Facets>(server, 'synths.facets', {}),
        app.api<Groups>(server, 'synths.groups', {}),
      ]);
      expect(first.rows.length, `${kind} has synths`).toBeGreaterThan(0);

      await expect(rows.first()).toBeVisible();
      expect((await rows.locator('.cell-title').allInnerTexts()).slice(0, 5)).toEqual(first.rows.slice(0, 5).map(shown));
      await expect(page.getByText(`${integer.format(facets.matched)} synth${facets.matched === 1 ? '' : 's'} match`)).toBeVisible();
      expect(asked.sort(), 'the first page, the facets and the groups, each asked for once').toEqual(['synths.facets', 'synths.groups', 'synths.list']);

      // Every gender and version value with its count; every group by name.
      const section = (title: string) => panel.getByRole('region', { name: title });
      for (const { value, count } of [...facets.facets.gender, ...facets.facets.version]) {
        if (value === null) continue;
        const option = panel.getByRole('button', { name: new RegExp(`^${value}\\s*${integer.format(count)}$`) });
        await expect(option).toBeVisible();
      }
      for (const group of groups.groups) {
        const count = facets.facets.group.find((facet) => facet.value === group.id)?.count ?? 0;
        await expect(section('Group').getByRole('button', { name: `${group.name ?? group.id} ${integer.format(count)}` })).toBeVisible();
      }
      await app.screenshot(`synths-${kind}`);

      // Tooltips: the row under the pointer carries them (the description on the name, how the
      // time was stored on the date), the rows around it do not.
      const described = first.rows.slice(0, 5).findIndex((row) => row.descricao !== null);
      // aria-rowindex counts the header row, from 1.
      const listRow = (index: number) => grid.locator(`[role="row"][aria-rowindex="${index + 2}"]`);
      if (described >= 0) {
        const row = listRow(described);
        await row.getByRole('gridcell').first().hover();
        await expect(row.getByRole('gridcell').first()).toHaveAttribute('title', first.rows[described]?.descricao as string);
        await expect(row.getByRole('gridcell').last()).toHaveAttribute('title', /^(Stored|Written) /);
        await expect(listRow(described === 0 ? 1 : 0).getByRole('gridcell').first()).not.toHaveAttribute('title');
        // Scrolled under a resting pointer, the row that comes under it carries them (where the
        // list is long enough to scroll three rows).
        const box = (await row.boundingBox())!;
        const scrolls = await grid.evaluate((element, by) => element.scrollHeight - element.clientHeight >= by, 3 * box.height);
        if (scrolls) {
          await page.mouse.move(box.x + 40, box.y + box.height / 2);
          await page.mouse.wheel(0, 3 * box.height);
          await expect.poll(() => grid.evaluate((element) => element.scrollTop)).toBe(3 * box.height);
          // The row three rows down is now under the pointer, and carries the tooltips.
          const below = first.rows[described + 3] as ListRow;
          const belowRow = listRow(described + 3);
          await expect(belowRow.getByRole('gridcell').first()).toHaveText(shown(below));
          const belowBox = (await belowRow.boundingBox())!;
          expect(Math.abs(belowBox.y - box.y)).toBeLessThan(1);
          if (below.descricao) await expect(belowRow.getByRole('gridcell').first()).toHaveAttribute('title', below.descricao);
          await expect(row.getByRole('gridcell').first()).not.toHaveAttribute('title');
        }
        await page.getByRole('heading', { name: 'Synths' }).hover();
        await expect(row.getByRole('gridcell').first()).not.toHaveAttribute('title');
        await grid.evaluate((element) => element.scrollTo(0, 0));
        // The row made active with the keyboard carries them too (a screen reader reads them).
        await grid.focus();
        for (let step = 0; step < described; step += 1) await grid.press('ArrowDown');
        await expect(row).toHaveAttribute('aria-selected', 'true');
        await expect(row.getByRole('gridcell').first()).toHaveAttribute('title', first.rows[described]?.descricao as string);
        await grid.press('Escape');
      }

      // A facet value narrows the list and the other facets' counts; the address keeps it.
      const gender = facets.facets.gender.find((facet) => facet.value !== null) as FacetCount;
      await section('Gender').getByRole('button', { name: new RegExp(`^${gender.value}`) }).click();
      await expect(page).toHaveURL(new RegExp(`gender=${encodeURIComponent(gender.value as string)}`));
      await expect(section('Gender').getByRole('button', { pressed: true })).toContainText(gender.value as string);
      const byGender = await allSynths(app, server, { gender: gender.value });
      const narrowed = await app.api<Facets>(server, 'synths.facets', { gender: gender.value });
      await expect(page.getByText(`${integer.format(narrowed.matched)} synth${narrowed.matched === 1 ? '' : 's'} match`)).toBeVisible();
      const version = narrowed.facets.version.find((facet) => facet.value !== null) as FacetCount;
      await expect(section('Version').getByRole('button', { name: new RegExp(`^${version.value?.replace(/\./g, '\\.')}`) })).toContainText(
        integer.format(version.count),
      );
      await expect(rows.first().locator('.cell-title')).toHaveText(shown(byGender[0] as ListRow));
      if (byGender.length <= 100) await expect(page.locator('.data-table__status')).toHaveText(`${byGender.length} synth${byGender.length === 1 ? '' : 's'}`);

      // Search within the filter: a word from a name.
      const probe = byGender.find((row) => (row.nome ?? '').split(/\s+/).some((word) => word.length >= 5)) as ListRow;
      const word = (probe.nome as string).split(/\s+/).find((w) => w.length >= 5) as string;
      await page.getByRole('searchbox', { name: 'Search synths' }).fill(word);
      await expect(page).toHaveURL(/[?&]q=/);
      const searched = await allSynths(app, server, { gender: gender.value, search: word });
      await expect(page.locator('.data-table__status')).toHaveText(`${searched.length} synth${searched.length === 1 ? '' : 's'}`);
      await expect(rows).toHaveCount(searched.length);

      // Nothing matches: said so, with a way out.
      await page.getByRole('searchbox', { name: 'Search synths' }).fill('zzqx-nobody');
      await expect(page.getByText('No synth matches these filters')).toBeVisible();
      await page.getByRole('button', { name: 'Clear filters' }).first().click();
      await expect(page).not.toHaveURL(/gender=/);
      await expect(rows.first().locator('.cell-title')).toHaveText(shown(first.rows[0] as ListRow));

      // Sort by creation, newest first, from the header.
      await grid.getByRole('button', { name: 'Created' }).click();
      await expect(page).toHaveURL(/sort=created/);
      const newest = await app.api<ListPage>(server, 'synths.list', { sort: 'created', limit: 1 });
      await expect(rows.first().locator('.cell-title')).toHaveText(shown(newest.rows[0] as ListRow));

      // The keyboard opens a synth; Esc comes back to the same list.
      await grid.focus();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`#/synths/${(newest.rows[0] as ListRow).id}`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(shown(newest.rows[0] as ListRow));
      await page.keyboard.press('Escape');
      await expect(page).toHaveURL(/sort=created/);
    });

    test('a 2.3.0 synth and a 2.0.0 synth show their profiles, outcomes and transcripts', async ({ app, page }) => {
      const server = await app.open(kind, '/synths');
      for (const version of ['2.3.0', '2.0.0']) {
        const candidates = (await app.api<ListPage>(server, 'synths.list', { version, limit: 20 })).rows;
        expect(candidates.length, `${kind} has ${version} synths`).toBeGreaterThan(0);
        // The first with a profile in `data` (a synth-lab file may hold one with only old columns).
        let synth: Detail | null = null;
        for (const row of candidates) {
          const detail = await app.api<Detail>(server, 'synths.get', { id: row.id });
          if (detail.profile.source === 'data') {
            synth = detail;
            break;
          }
        }
        expect(synth, `a ${version} synth with data`).not.toBeNull();
        const s = synth as Detail;
        await app.goto(server, `/synths/${s.id}`);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(shown(s));
        // The avatar: initials underneath, the photo only if it really loaded (offline it does not).
        const avatar = page.locator('.synth-header .avatar');
        await expect(avatar).toHaveAttribute('aria-label', shown(s));
        await expect(avatar).toHaveText(/^\p{Lu}{1,2}$/u);

        const demographics = page.getByRole('region', { name: 'Demographics' });
        const d = s.profile.demographics;
        if (d.age !== null) await expect(demographics).toContainText(`${d.age} years`);
        if (d.city) await expect(demographics).toContainText(d.city);
        if (d.occupation) await expect(demographics).toContainText(d.occupation);
        for (const interest of s.profile.interests) await expect(page.getByRole('region', { name: 'Interests' })).toContainText(interest);
        for (const rule of s.profile.cognitiveContract?.rules ?? []) await expect(page.getByRole('region', { name: 'Cognitive contract' })).toContainText(rule);

        const scores = version === '2.3.0' ? s.profile.observables : s.profile.bigFive;
        expect(scores, `${version} synth scores`).not.toBeNull();
        const meters = page.getByRole('meter');
        const expected = Object.values(scores as Record<string, number | null>).filter((value) => value !== null);
        await expect(meters).toHaveCount(expected.length);
        expect((await meters.evaluateAll((elements) => elements.map((element) => Number(element.getAttribute('aria-valuenow'))))).sort()).toEqual(
          (expected as number[]).sort(),
        );
        await expect(page.getByRole('heading', { name: version === '2.3.0' ? /^Observables/ : /^Big Five/ })).toBeVisible();

        // Outcomes link to the experiment's Analysis tab; transcripts to the Interviews screen.
        const [outcomes, transcripts] = await Promise.all([
          app.api<Activity<OutcomeRow>>(server, 'synths.outcomes', { id: s.id }),
          app.api<Activity<TranscriptRow>>(server, 'synths.transcripts', { id: s.id }),
        ]);
        const outcomeSection = page.getByRole('region', { name: /^Outcomes in analyses/ });
        if (outcomes.rows.length === 0) await expect(outcomeSection).toContainText('took part in no analysis');
        else {
          await expect(outcomeSection.locator('tbody tr')).toHaveCount(outcomes.rows.length);
          const row = outcomes.rows[0] as OutcomeRow;
          if (row.experimentId) {
            const link = outcomeSection.getByRole('link', { name: row.experimentName ?? row.experimentId }).first();
            await expect(link).toHaveAttribute('href', new RegExp(`#/experiments/${row.experimentId}\\?tab=analysis`));
          }
          await expect(outcomeSection.locator('tbody tr').first()).toContainText(percent.format(row.successRate as number));
        }
        const transcriptSection = page.getByRole('region', { name: /^Interview transcripts/ });
        if (transcripts.rows.length === 0) await expect(transcriptSection).toContainText('was not interviewed');
        else {
          await expect(transcriptSection.locator('tbody tr')).toHaveCount(transcripts.rows.length);
          const row = transcripts.rows[0] as TranscriptRow;
          await expect(transcriptSection.getByRole('link', { name: row.topic ?? row.execId }).first()).toHaveAttribute(
            'href',
            `#/interviews/${encodeURIComponent(row.execId)}/transcripts/${encodeURIComponent(s.id)}`,
          );
        }
        await app.screenshot(`synth-${version.replace(/\./g, '')}-${kind}`);
      }
    });
  });
}

for (const kind of ['synthlab-sqlite', 'synthlab-postgres'] as const) {
  test(`on ${kind}: old synth-lab columns, a synth with only old columns, an id only outcomes know`, async ({ app, page }) => {
    const server = await app.open(kind, '/synths');
    const rows = await allSynths(app, server, {});
    const details = await Promise.all(rows.map((row) => app.api<Detail>(server, 'synths.get', { id: row.id })));

    const withExtra = details.find((detail) => Object.keys(detail.extra).length > 0);
    if (withExtra) {
      await app.goto(server, `/synths/${withExtra.id}`);
      const legacy = page.getByRole('region', { name: 'Older synth-lab columns' });
      for (const column of Object.keys(withExtra.extra)) await expect(legacy).toContainText(column);
    }

    const legacyOnly = details.find((detail) => detail.profile.source !== 'data');
    if (legacyOnly) {
      await app.goto(server, `/synths/${legacyOnly.id}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(shown(legacyOnly));
      await expect(page.getByText(/data column is empty/)).toBeVisible();
      await app.screenshot(`synth-legacy-${kind}`);
    }
    // synth-lab's SQLite files carry the older columns; its PostgreSQL era dropped them.
    if (kind === 'synthlab-sqlite') expect(withExtra ?? legacyOnly, `${kind} has old-era synths`).toBeDefined();

    // An id in synth_outcomes that synths does not hold (no foreign key): its activity still shows.
    const analyses = await app.api<{ rows: Array<{ analysis: { id: string } | null }> }>(server, 'experiments.list', { includeDeleted: true });
    let orphan: string | null = null;
    for (const experiment of analyses.rows) {
      if (experiment.analysis === null || orphan !== null) continue;
      const outcomes = await app.api<{ rows: Array<{ synthId: string; synthFound: boolean }> }>(server, 'analysis.outcomes', { analysisId: experiment.analysis.id, limit: 500 });
      orphan = outcomes.rows.find((row) => !row.synthFound)?.synthId ?? null;
    }
    if (orphan !== null) {
      await app.goto(server, `/synths/${orphan}`);
      await expect(page.getByText('This id is not in the synths table')).toBeVisible();
      const outcomes = await app.api<Activity<OutcomeRow>>(server, 'synths.outcomes', { id: orphan });
      await expect(page.getByRole('region', { name: /^Outcomes in analyses/ }).locator('tbody tr')).toHaveCount(outcomes.rows.length);
    }
  });
}

test('the avatar shows the photo once it loads, and the initials when it cannot', async ({ app, page }) => {
  const server = await app.open('demo-sqlite', '/synths');
  const withPhoto = (await app.api<ListPage>(server, 'synths.list', { limit: 50 })).rows.filter((row) => row.linkPhoto?.startsWith('https://'));
  expect(withPhoto.length, 'demo synths have photo URLs').toBeGreaterThan(1);
  const [served, refused] = withPhoto as [ListRow, ListRow];

  // A photo server that answers (a 1×1 PNG) for one synth …
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  await page.route((url) => url.href === served.linkPhoto, (route) => route.fulfill({ status: 200, contentType: 'image/png', body: png }));
  await app.goto(server, `/synths/${served.id}`);
  await expect(page.locator('.synth-header .avatar__photo.is-loaded')).toHaveCount(1);

  // … and one that is unreachable, as offline: the initials stay, the broken image goes.
  await page.route((url) => url.href === refused.linkPhoto, (route) => route.abort('internetdisconnected'));
  await app.goto(server, `/synths/${refused.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(shown(refused));
  await expect(page.locator('.synth-header .avatar__photo')).toHaveCount(0);
  await expect(page.locator('.synth-header .avatar')).toHaveText(/^\p{Lu}{1,2}$/u);
});

test.describe('in Portuguese, dark', () => {
  // The system's language and theme, as a researcher's machine would have them.
  test.use({ locale: 'pt-BR', colorScheme: 'dark' });

  test('the synths screens follow the system language and theme', async ({ app, page }) => {
    const server = await app.open('demo-sqlite', '/synths');
    await expect(page.getByRole('searchbox', { name: 'Buscar synths' })).toBeVisible();
    await expect(page.getByRole('complementary', { name: 'Filtros' }).getByRole('heading', { name: 'Gênero' })).toBeVisible();
    const synth = (await app.api<ListPage>(server, 'synths.list', { version: '2.3.0', limit: 1 })).rows[0] as ListRow;
    await app.goto(server, `/synths/${synth.id}`);
    await expect(page.getByRole('heading', { name: /^Observáveis/ })).toBeVisible();
    await app.screenshot('synth-dark-pt-BR');
  });
});
