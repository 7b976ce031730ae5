"""The bench's volumes, built in SQL inside the bench's transaction (bench
data, not a path of the product): structures with their referents,
households, devices with their intakes, loans and recycling batches, ten
years of course runs with their attendance lines. ``SCALES``: the volumes
measured, as multiples of the demo's (``BENCH_SCALE=100`` adds 100×)."""
import os

SCALES = (1, 10, 100) if os.environ.get("BENCH_SCALE") == "100" else (1, 10)

# the demo's volume (1×); 100× is a region's network: 22,000 structures,
# 30,000 households, 80,000 devices, 2 million training attendance lines
HOUSEHOLDS = 300
DEVICES = 800
TRAINING_RUNS_A_YEAR = 20
TRAINING_LEARNERS = 2000

# Structures and referents are inserted in SQL: res.partner.create costs
# about 0.25 s a structure with its 2 persons here, 9 minutes for the network.
# The values are those create() stores: tags and the fields computed from them,
# commercial partner, display name.
STRUCTURES_INSERT = """
    WITH rows AS (
        SELECT i, %(first)s::date + (i * 37 %% %(days)s) AS affiliation,
               (%(subnetworks)s::int[])[i %% array_length(%(subnetworks)s::int[], 1) + 1]
                   AS subnetwork_id,
               (%(types)s::int[])[i %% array_length(%(types)s::int[], 1) + 1] AS type_id
          FROM generate_series(0, %(count)s - 1) AS i
    ), structures AS (
        INSERT INTO res_partner (
            name, display_name, is_company, active, type, company_id, invoice_warn,
            picking_warn, defis_is_structure, defis_subnetwork_id, defis_structure_type_id,
            defis_affiliation_date, defis_withdrawal_date,
            create_uid, write_uid, create_date, write_date)
        SELECT 'Structure ' || to_char(i, 'FM00000') || ' (bench)',
               'Structure ' || to_char(i, 'FM00000') || ' (bench)', TRUE, TRUE, 'contact',
               %(company)s, 'no-message', 'no-message', TRUE, subnetwork_id, type_id,
               affiliation,
               CASE WHEN i %% 9 = 0
                    THEN affiliation + 365 * (1 + i %% 5) + i %% 90 END,
               %(uid)s, %(uid)s, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
          FROM rows
        RETURNING id, name, defis_subnetwork_id, defis_structure_type_id
    ), tags AS (
        INSERT INTO res_partner_res_partner_category_rel (partner_id, category_id)
        SELECT s.id, t.category_id
          FROM structures s
          JOIN defis_subnetwork t ON t.id = s.defis_subnetwork_id
         UNION ALL
        SELECT s.id, t.category_id
          FROM structures s
          JOIN defis_structure_type t ON t.id = s.defis_structure_type_id
    )
    INSERT INTO res_partner (
        name, display_name, parent_id, commercial_partner_id, commercial_company_name,
        is_company, active, type, company_id, invoice_warn, picking_warn,
        create_uid, write_uid, create_date, write_date)
    SELECT person, s.name || ', ' || person, s.id, s.id, s.name, FALSE, TRUE, 'contact',
           %(company)s, 'no-message', 'no-message',
           %(uid)s, %(uid)s, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM structures s,
           LATERAL (SELECT 'Référent ' || substring(s.name, 11, 5) || '-' || rank AS person
                      FROM generate_series(1, 2) AS rank) AS persons;
    UPDATE res_partner SET commercial_partner_id = id, commercial_company_name = name
     WHERE name LIKE 'Structure %%(bench)' AND commercial_partner_id IS NULL
"""

# the two persons of each structure, referents since its affiliation
REFERENTS_INSERT = """
    INSERT INTO defis_referent (structure_id, partner_id, date_start,
                                create_uid, write_uid, create_date, write_date)
    SELECT s.id, p.id, s.defis_affiliation_date,
           %(uid)s, %(uid)s, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM res_partner s
      JOIN res_partner p ON p.parent_id = s.id
     WHERE s.name LIKE 'Structure %%(bench)' AND s.is_company
"""

# the values create() would store: name, display name, commercial partner.
# Rows pick their household or learner by joining numbered rows: an array of
# the ids indexed on each row would be copied whole for every row (minutes
# at 100×)
HOUSEHOLDS_INSERT = """
    INSERT INTO res_partner (name, display_name, active, type, company_id, invoice_warn,
                             picking_warn, defis_is_household, create_uid, write_uid,
                             create_date, write_date)
    SELECT 'Foyer ' || i || ' (bench)', 'Foyer ' || i || ' (bench)', TRUE, 'contact',
           %(company)s, 'no-message', 'no-message', TRUE, %(uid)s, %(uid)s,
           now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM generate_series(1, %(count)s) AS i;
    UPDATE res_partner SET commercial_partner_id = id
     WHERE name LIKE 'Foyer %%(bench)' AND commercial_partner_id IS NULL
"""

# i %% 10: 0-3 sold, 4 lent, 5 lent and returned, 6 parts, 7 recycled, 8-9 ready
DEVICES_INSERT = """
    WITH households AS (
        SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM res_partner
         WHERE name LIKE 'Foyer %%(bench)'
    ), rows AS (
        SELECT i, %(first)s::date + (i * 7 %% %(days)s) AS day,
               (%(products)s::int[])[i %% 5 + 1] AS product_id,
               (%(categories)s::int[])[i %% 5 + 1] AS category_id,
               (%(grades)s::int[])[i %% 3 + 1] AS grade_id
          FROM generate_series(0, %(count)s - 1) AS i
    )
    INSERT INTO stock_production_lot (
        name, product_id, defis_category_id, defis_grade_id, defis_state, defis_state_date,
        defis_partner_id, defis_sale_date, defis_weight_kg,
        create_uid, write_uid, create_date, write_date)
    SELECT 'BENCH-' || to_char(i, 'FM00000'), product_id, category_id, grade_id,
           CASE WHEN i %% 10 < 4 THEN 'sold' WHEN i %% 10 = 4 THEN 'lent'
                WHEN i %% 10 = 5 THEN 'diagnosed' WHEN i %% 10 = 6 THEN 'parts'
                WHEN i %% 10 = 7 THEN 'recycled' ELSE 'ready' END,
           day,
           CASE WHEN i %% 10 < 5 THEN h.id END,
           CASE WHEN i %% 10 < 4 THEN day END,
           2.0 + i %% 7,
           %(uid)s, %(uid)s, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM rows
      JOIN households h ON h.n = (i * 13) %% %(households)s
"""

LOANS_INSERT = """
    INSERT INTO defis_loan (name, partner_id, lot_id, date_start, date_due, currency_id,
                            deposit_method, deposit_state, state, create_uid, write_uid,
                            create_date, write_date)
    SELECT 'PRET-' || l.name, COALESCE(l.defis_partner_id, h.id),
           l.id, l.defis_state_date, l.defis_state_date + 40, %(currency)s, 'none',
           'none', CASE WHEN l.defis_state = 'lent' THEN 'ongoing' ELSE 'returned' END,
           %(uid)s, %(uid)s, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM stock_production_lot l
      JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM res_partner
             WHERE name LIKE 'Foyer %%(bench)') AS h ON h.n = l.id %% %(households)s
     WHERE l.name LIKE 'BENCH-%%' AND l.defis_state IN ('lent', 'diagnosed')
"""

# one batch a month, one line per category with the devices recycled that month
BATCHES_INSERT = """
    WITH months AS (
        INSERT INTO defis_recycling_batch (name, partner_id, date, state, active, create_uid,
                                           write_uid, create_date, write_date)
        SELECT 'DEEE-' || to_char(month, 'YYYY-MM'), %(recycler)s,
               (month + INTERVAL '1 month - 1 day')::date, 'done', TRUE, %(uid)s, %(uid)s,
               now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
          FROM generate_series(%(first)s::date, %(first)s::date + %(days)s - 1,
                               INTERVAL '1 month') AS month
        RETURNING id, date
    )
    INSERT INTO defis_recycling_batch_line (batch_id, category_id, weight_kg, quantity,
                                            device_count)
    SELECT m.id, l.defis_category_id, SUM(l.defis_weight_kg), 0, COUNT(*)
      FROM stock_production_lot l
      JOIN months m ON date_trunc('month', l.defis_state_date) = date_trunc('month', m.date)
     WHERE l.name LIKE 'BENCH-%%' AND l.defis_state = 'recycled'
  GROUP BY m.id, l.defis_category_id
"""

# the devices of each month and category received by one intake line (one
# intake a month), weighed as the devices' weights add up
INTAKES_INSERT = """
    WITH intakes AS (
        INSERT INTO defis_intake (name, partner_id, date, state, company_id, active,
                                  create_uid, write_uid, create_date, write_date)
        SELECT 'COL-' || to_char(month, 'YYYY-MM'), %(donor)s, month::date, 'done',
               %(company)s, TRUE, %(uid)s, %(uid)s, now() AT TIME ZONE 'UTC',
               now() AT TIME ZONE 'UTC'
          FROM generate_series(%(first)s::date, %(first)s::date + %(days)s - 1,
                               INTERVAL '1 month') AS month
        RETURNING id, date
    ), lines AS (
        INSERT INTO defis_intake_line (intake_id, category_id, quantity, weight_kg,
                                       weee_category)
        SELECT i.id, l.defis_category_id, COUNT(*), SUM(l.defis_weight_kg), '6'
          FROM stock_production_lot l
          JOIN intakes i ON date_trunc('month', l.defis_state_date - 30) = i.date
         WHERE l.name LIKE 'BENCH-%%' AND l.defis_state_date - 30 >= %(first)s::date
      GROUP BY i.id, l.defis_category_id
        RETURNING id, intake_id, category_id
    )
    UPDATE stock_production_lot l SET defis_intake_line_id = lines.id
      FROM lines JOIN intakes i ON i.id = lines.intake_id
     WHERE l.name LIKE 'BENCH-%%' AND l.defis_category_id = lines.category_id
       AND date_trunc('month', l.defis_state_date - 30) = i.date
"""

LEARNERS_INSERT = """
    INSERT INTO res_partner (name, display_name, active, type, company_id, invoice_warn,
                             picking_warn, create_uid, write_uid, create_date, write_date)
    SELECT 'Stagiaire ' || to_char(i, 'FM000000') || ' (bench)',
           'Stagiaire ' || to_char(i, 'FM000000') || ' (bench)', TRUE, 'contact', %(company)s,
           'no-message', 'no-message', %(uid)s, %(uid)s,
           now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM generate_series(0, %(count)s - 1) AS i;
    UPDATE res_partner SET commercial_partner_id = id
     WHERE name LIKE 'Stagiaire %%(bench)' AND commercial_partner_id IS NULL
"""

FUNDINGS_INSERT = """
    INSERT INTO defis_training_funding (name, funder_id, date_start, date_end, company_id,
                                        amount, state)
    SELECT 'Convention ' || y || ' (bench)', f, make_date(y, 1, 1), make_date(y + 1, 3, 31),
           %(company)s, 10000, 'closed'
      FROM unnest(%(funder_ids)s::int[]) AS f, generate_series(%(first)s, %(last)s) AS y
"""

# run i: year, programme i % 4, funder i % 5 (the 5th: own funds); its
# start spread over the year, the last ones end in the next year
RUNS_INSERT = """
    INSERT INTO event_event (name, seats_availability, date_tz, date_begin, date_end, state,
                             defis_programme_id, defis_funding_id, defis_is_training,
                             defis_planned_hours, active, company_id)
    SELECT 'Session ' || i || ' (bench)', 'unlimited', 'Europe/Paris',
           make_date(%(first)s + i / %(per_year)s, 1, 5)
               + (i %% %(per_year)s) * (INTERVAL '350 days' / %(per_year)s) + INTERVAL '8 hours',
           make_date(%(first)s + i / %(per_year)s, 1, 5)
               + (i %% %(per_year)s) * (INTERVAL '350 days' / %(per_year)s)
               + (%(sessions)s - 1) * INTERVAL '7 days' + INTERVAL '10 hours',
           'done', (%(programmes)s::int[])[i %% 4 + 1],
           (SELECT fd.id FROM defis_training_funding fd
             WHERE fd.funder_id = (%(funders)s::int[])[i %% 5 + 1]
               AND fd.date_start = make_date(%(first)s + i / %(per_year)s, 1, 1)
               AND fd.name LIKE '%%(bench)'),
           TRUE, 2.0 * %(sessions)s, TRUE, %(company)s
      FROM generate_series(0, %(runs)s - 1) AS i
"""

SESSIONS_INSERT = """
    INSERT INTO defis_training_session (event_id, date_begin, date_end, duration_hours, state)
    SELECT e.id, e.date_begin + k * INTERVAL '7 days',
           e.date_begin + k * INTERVAL '7 days' + INTERVAL '2 hours', 2.0, 'done'
      FROM event_event e, generate_series(0, %(sessions)s - 1) AS k
     WHERE e.name LIKE 'Session %%(bench)'
"""

REGISTRATIONS_INSERT = """
    INSERT INTO event_registration (event_id, partner_id, name, state, defis_learner_type)
    SELECT e.id, p.id,
           'bench', 'done', (ARRAY['individuals', 'young', 'benefit', 'job_seekers'])[k %% 4 + 1]
      FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM event_event
             WHERE name LIKE 'Session %%(bench)') AS e
     CROSS JOIN generate_series(0, %(per_run)s - 1) AS k
      JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM res_partner
             WHERE name LIKE 'Stagiaire %%(bench)') AS p
        ON p.n = (e.n * %(per_run)s + k) %% %(learners)s
"""

# present 2 h, absent one line in 7, late (1.5 h) one in 11
ATTENDANCE_INSERT = """
    INSERT INTO defis_training_attendance (session_id, registration_id, partner_id, event_id,
                                           date, state, hours)
    SELECT s.id, r.id, r.partner_id, s.event_id, s.date_begin,
           CASE WHEN (r.id + 3 * s.id) %% 7 = 0 THEN 'absent' ELSE 'present' END,
           CASE WHEN (r.id + 3 * s.id) %% 7 = 0 THEN 0
                WHEN (r.id + s.id) %% 11 = 0 THEN 1.5 ELSE 2.0 END
      FROM event_registration r
      JOIN defis_training_session s ON s.event_id = r.event_id
     WHERE r.name = 'bench'
"""

# the stored totals of each registration, as the ORM computes them
REGISTRATIONS_UPDATE = """
    UPDATE event_registration r
       SET defis_hours_attended = t.hours,
           defis_completion_rate = round((100 * t.hours / %(planned)s)::numeric, 2),
           defis_completed = 100 * t.hours / %(planned)s >= 80
      FROM (SELECT registration_id, sum(hours) AS hours FROM defis_training_attendance
             GROUP BY registration_id) AS t
     WHERE t.registration_id = r.id AND r.name = 'bench'
"""


def _common(env):
    return {"uid": env.uid, "company": env.user.company_id.id}


def add_structures(env, count, first_affiliation, affiliation_days):
    """``count`` structures in the demo's sub-networks and types, affiliated
    over ``affiliation_days`` from ``first_affiliation`` (one in 9 withdrawn
    since), each with 2 persons who are its referents."""
    subnetworks = env["defis.subnetwork"].search([])
    types = env["defis.structure.type"].search([])
    env.cr.execute(STRUCTURES_INSERT, dict(
        _common(env), count=count, first=str(first_affiliation), days=affiliation_days,
        subnetworks=subnetworks.ids, types=types.ids))
    env.cr.execute(REFERENTS_INSERT, _common(env))
    env.cache.invalidate()


def add_households(env, count):
    env.cr.execute(HOUSEHOLDS_INSERT, dict(_common(env), count=count))
    env.cache.invalidate()


def add_devices(env, count, households, first_day, days):
    """``count`` devices of five categories received from ``first_day`` over
    ``days`` (one intake a month), sold, lent, stripped, recycled (one
    batch a month) or ready; the sold and lent ones go to the ``households``
    bench households, which must exist (``add_households``)."""
    ref = env.ref
    categories = [ref("defis_reuse.device_category_%s" % code) for code in DEVICE_CATEGORIES]
    common = dict(_common(env), first=first_day, days=days, households=households)
    env.cr.execute(DEVICES_INSERT, dict(
        common, count=count, products=[category.product_id.id for category in categories],
        categories=[category.id for category in categories],
        grades=[ref("defis_reuse.device_grade_%s" % grade).id for grade in DEVICE_GRADES]))
    env.cr.execute(LOANS_INSERT, dict(common, currency=env.user.company_id.currency_id.id))
    recycler = env["res.partner"].create({"name": "Recycleur (bench)", "is_company": True})
    env.cr.execute(BATCHES_INSERT, dict(common, recycler=recycler.id))
    env.cr.execute(INTAKES_INSERT, dict(common, donor=recycler.id))
    env.cache.invalidate()


DEVICE_CATEGORIES = ("desktop", "laptop", "monitor", "tablet", "phone")
DEVICE_GRADES = ("a", "b", "c")
TRAINING_YEARS = range(2009, 2019)
TRAINING_LEARNERS_A_RUN = 11
TRAINING_SESSIONS_A_RUN = 10
TRAINING_FUNDERS = 4


def add_training(env, runs_a_year, learners):
    """Ten years (2009-2018) of ``runs_a_year`` course runs of 4 programmes,
    10 two-hour sessions and 11 learners each (out of ``learners``), charged
    to 4 funders' yearly agreements or to own funds; returns the programmes."""
    programmes = env["defis.training.programme"]
    for number in range(4):
        programmes |= programmes.create({
            "name": "Programme %d (bench)" % number, "planned_hours": 20})
    funders = env["res.partner"]
    for number in range(TRAINING_FUNDERS):
        funders |= funders.create({"name": "Financeur %d (bench)" % number,
                                   "is_company": True})
    params = dict(
        _common(env), count=learners,
        # the 5th "funder" of the runs: none, own funds
        funder_ids=funders.ids, funders=funders.ids + [0],
        first=TRAINING_YEARS[0], last=TRAINING_YEARS[-1],
        per_year=runs_a_year, sessions=TRAINING_SESSIONS_A_RUN,
        programmes=programmes.ids, runs=runs_a_year * len(TRAINING_YEARS),
        per_run=TRAINING_LEARNERS_A_RUN, learners=learners,
        planned=2.0 * TRAINING_SESSIONS_A_RUN)
    for statement in (LEARNERS_INSERT, FUNDINGS_INSERT, RUNS_INSERT, SESSIONS_INSERT,
                      REGISTRATIONS_INSERT, ATTENDANCE_INSERT, REGISTRATIONS_UPDATE):
        env.cr.execute(statement, params)
    env.cache.invalidate()
    return programmes


def analyze(env):
    """Statistics as the live tables would have them, for every plan."""
    env.cr.execute("ANALYZE")


def classes_by_scale(base, name):
    """The test classes of ``base`` (a bench with a ``scale``), one per
    volume: ``name`` + ``1x``, ``10x``, ``100x``; those outside ``SCALES``
    are not collected."""
    return [type("%s%dx" % (name, scale), (base,), {
        "__test__": scale in SCALES, "scale": scale, "__module__": base.__module__})
        for scale in (1, 10, 100)]
