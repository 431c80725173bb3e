// The production-scale data set of `npm run bench`: the API's own demo (seeded at its first start) is
// multiplied in SQL — each demo row is a template, cloned with generate_series and given new ids,
// names, dates, owners and numbers — so the bench follows the schema as migrations change it
// (every column not overridden is copied from its template). Deterministic: the same counts give
// the same rows, apart from the random ids of child rows.
//
// `query(text)` runs one SQL statement (node-postgres or PGlite); the sizes are the issue's.
export const SCALE = {
  clients: Number(process.env.BENCH_CLIENTS ?? 20_000),
  leads: Number(process.env.BENCH_LEADS ?? 50_000),
  quotes: Number(process.env.BENCH_QUOTES ?? 100_000),
  commercials: 30,
};

/** Writable columns of `table` in the public schema (generated ones left out), in table order. */
async function columnsOf(query, table) {
  const { rows } = await query(
    `select column_name from information_schema.columns
      where table_schema = 'public' and table_name = '${table}' and is_generated = 'NEVER'
      order by ordinal_position`,
  );
  return rows.map((r) => r.column_name);
}

/**
 * INSERT INTO `table` one row per g in 1..count, copied from the template rows (`templateWhere`)
 * taken in turn (shifted every 30 rows, so each owner gets every template), with `overrides` (column → SQL expression over `g` and the template `s`).
 */
async function cloneRows(query, table, { count, templateWhere = 'true', overrides }) {
  const columns = await columnsOf(query, table);
  const values = columns.map((c) => overrides[c] ?? `s."${c}"`);
  await query(`
    with src as (
      select row_number() over (order by id) - 1 as rn, * from "${table}" where ${templateWhere}
    ), n as (select count(*) as c from src)
    insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')})
    select ${values.join(', ')}
      from generate_series(1, ${count}) as g
      join src s on s.rn = (g + g / ${SCALE.commercials}) % (select c from n)`);
}

// Owner k (0-based) of row g: the two real demo commercials own their share, 28 others the rest.
const owner = (subsArray) => `array[(${subsArray})[1 + g % ${SCALE.commercials}]]`;
// md5 of (kind, g) shaped as a version-4 UUID (the API refuses ids that are not RFC 9562 UUIDs).
const id = (kind, expr) =>
  `(select (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid
      from md5('${kind}-' || (${expr})) as h)`;

/**
 * Seeds the scaled data set next to the demo. `subs` are the Keycloak ids of real commercials
 * (their tokens are used by the bench), padded to 30 owners with made-up ids.
 */
export async function seedScale(query, subs) {
  const all = [...subs];
  for (let k = all.length; k < SCALE.commercials; k += 1) all.push(`bench-commercial-${k}`);
  const subsArray = `array[${all.map((s) => `'${s}'`).join(', ')}]::text[]`;
  // Spread over two years so no year's quote sequence passes 5 digits (the numbering format).
  const created = `now() - ((g * 7919) % 730) * interval '1 day'`;

  await cloneRows(query, 'clients', {
    count: SCALE.clients,
    templateWhere: 'archived_at is null',
    overrides: {
      id: id('client', 'g'),
      name: `s.name || ' ' || g`,
      fiscal_id: 'null',
      created_at: created,
      updated_at: created,
      assigned_to: owner(subsArray),
    },
  });
  await cloneRows(query, 'leads', {
    count: SCALE.leads,
    templateWhere: `archived_at is null and status <> 'converted'`,
    overrides: {
      id: id('lead', 'g'),
      full_name: `s.full_name || ' ' || g`,
      company: `s.company || ' ' || g`,
      email: `'lead' || g || '@bench.example'`,
      created_at: created,
      updated_at: created,
      assigned_to: owner(subsArray),
    },
  });
  // Quotes: template quotes with a client; each clone is re-parented to a scaled client and
  // numbered in its creation year after the year's existing numbers.
  await query(`create temporary table bench_quote_plan as
    select g, ${created} as created_at from generate_series(1, ${SCALE.quotes}) as g`);
  await query(`alter table bench_quote_plan add column year integer, add column seq integer`);
  await query(`update bench_quote_plan p set year = extract(year from p.created_at)::int`);
  await query(`update bench_quote_plan p
       set seq = r.rn + coalesce((select last from quote_counters c where c.year = p.year), 0)
      from (select g, row_number() over (partition by year order by g) as rn from bench_quote_plan) r
     where r.g = p.g`);
  await query(`alter table bench_quote_plan add primary key (g)`);
  await cloneRows(query, 'quotes', {
    count: SCALE.quotes,
    templateWhere: `client_id is not null and revised_from_id is null`,
    overrides: {
      id: id('quote', 'g'),
      client_id: id('client', `1 + g % ${SCALE.clients}`),
      lead_id: 'null',
      contact_id: 'null',
      opportunity_id: 'null',
      revised_from_id: 'null',
      // Not g % 6: owners cycle with g % 30, and each commercial needs quotes in every status.
      status: `(array['draft','sent','accepted','rejected','expired','cancelled'])[1 + (g / 30) % 6]`,
      created_at: `(select created_at from bench_quote_plan p where p.g = g.g)`,
      updated_at: `(select created_at from bench_quote_plan p where p.g = g.g)`,
      year: `(select year from bench_quote_plan p where p.g = g.g)`,
      sequence: `(select seq from bench_quote_plan p where p.g = g.g)`,
      number: `(select 'Q' || year || '-' || lpad(seq::text, 5, '0') from bench_quote_plan p where p.g = g.g)`,
      valid_until: `((select created_at from bench_quote_plan p where p.g = g.g) + interval '30 days')::date`,
      assigned_to: owner(subsArray),
    },
  });
  await query(`insert into quote_counters (year, last)
    select year, max(seq) from bench_quote_plan group by year
    on conflict (year) do update set last = greatest(quote_counters.last, excluded.last)`);
  // 3 to 8 lines per quote, copied from the demo's lines in turn.
  const lineColumns = await columnsOf(query, 'quote_lines');
  const lineValues = lineColumns.map(
    (c) => ({ id: 'gen_random_uuid()', quote_id: 'q.id', position: 'p' })[c] ?? `l."${c}"`,
  );
  await query(`
    with tpl as (select row_number() over (order by id) - 1 as rn, * from quote_lines),
         n as (select count(*) as c from tpl)
    insert into quote_lines (${lineColumns.map((c) => `"${c}"`).join(', ')})
    select ${lineValues.join(', ')}
      from quotes q
      cross join lateral generate_series(1, 3 + ('x' || substr(q.id::text, 1, 4))::bit(16)::int % 6) as p
      join tpl l on l.rn = (p + ('x' || substr(q.id::text, 5, 4))::bit(16)::int) % (select c from n)
     where q.id in (select ${id('quote', 'g')} from generate_series(1, ${SCALE.quotes}) as g)`);
  await query(`drop table bench_quote_plan`);
  await query('analyze');
}

/** Row counts of the tables the bench reads, for the results file. */
export async function countRows(query) {
  const tables = ['clients', 'leads', 'opportunities', 'quotes', 'quote_lines', 'activities'];
  const counts = {};
  for (const t of tables) {
    const { rows } = await query(`select count(*)::int as n from "${t}"`);
    counts[t] = rows[0].n;
  }
  return counts;
}
