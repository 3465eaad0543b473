import { sql, type Kysely } from 'kysely'

// An order, fulfilment or refund is recorded by one function call, so a webhook takes its effect and
// its delivery record in one statement: one round trip instead of a transaction of three or four (the
// socket writes and backend wake-ups of each round trip were a third of the API's CPU). Each
// statement inside a function sees what committed before it, so everything after the order's lock
// sees what the lock's last holder stored. The callers pass the formats of ids and keys, which stay
// defined in TypeScript; the rules of when an order is wholly fulfilled or refunded live here, next
// to the rows they sum.
//
// The functions plan their statements (and the foreign-key checks those run) generically: a plan
// made for one store's id estimates a store that statistics have not seen yet at a row or none, so the
// customer lookup took the index on (store, email) as a store-wide scan and read every customer of a
// newly connected store.
const genericPlans = sql`set plan_cache_mode = force_generic_plan`

export async function up(db: Kysely<unknown>): Promise<void> {
  // Dispatches for every fulfilment and refund stored for an order, oldest first (fulfilments, then
  // refunds), each skipped when its event key is already recorded. A fulfilment completes the order
  // when it says so, or when it and those received before it ship every ordered quantity (one that
  // says it is complete or names no lines covers everything); a refund is full when the platform says
  // so or when the refunds so far reach the order's total.
  await sql`
    create function announce_order_facts(
      p_store text, p_order text, p_customer text, p_total numeric, p_workflow text, p_fulfillment_key text, p_refund_key text
    ) returns void language plpgsql ${genericPlans} as $$
    begin
      with part as (
        select f.id, f.fulfilled_at, f.complete, f.line_items, row_number() over (order by f.created_at, f.fulfilled_at, f.id) as n
        from fulfillments f where f.store_id = p_store and f.order_id = p_order
      ), ordered as (
        select l.product_id, sum(l.quantity) as quantity
        from order_lines l where l.store_id = p_store and l.order_id = p_order group by l.product_id
      ), shipped as (
        select p.n, line->>'productId' as product_id, sum((line->>'quantity')::bigint) as quantity
        from part p join part q on q.n <= p.n cross join jsonb_array_elements(q.line_items) as line
        group by p.n, line->>'productId'
      )
      insert into dispatches (store_id, customer_id, workflow_id, kind, event_key, payload)
      select p_store, p_customer, p_workflow, 'orderFulfilled', p_fulfillment_key || p.id,
             jsonb_build_object(
               'orderId', p_order,
               'fulfilledAt', to_char(p.fulfilled_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'complete', coalesce(p.complete,
                 exists (select 1 from part q where q.n <= p.n and (q.complete is true or jsonb_array_length(q.line_items) = 0))
                 or not exists (select 1 from ordered o left join shipped s on s.n = p.n and s.product_id = o.product_id
                                where coalesce(s.quantity, 0) < o.quantity)))
      from part p order by p.n
      on conflict (event_key) do nothing;

      insert into dispatches (store_id, customer_id, workflow_id, kind, event_key, payload)
      select p_store, p_customer, p_workflow, 'orderRefunded', p_refund_key || r.id,
             jsonb_build_object(
               'orderId', p_order,
               'refundedAt', to_char(r.refunded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'full', coalesce(r."full", r.refunded >= p_total))
      from (select id, refunded_at, "full", created_at,
                   sum(amount) over (order by created_at, refunded_at, id) as refunded
            from refunds where store_id = p_store and order_id = p_order) as r
      order by r.created_at, r.refunded_at, r.id
      on conflict (event_key) do nothing;
    end
    $$`.execute(db)

  // The customer an order belongs to (found by platform id, linked account id or email; created on
  // first sight under p_customer.newId; their known details refreshed, an import's placeholder email
  // replaced, a guest's later account linked), then the order, its lines and, unless it arrived
  // cancelled, its orderPlaced dispatch followed by any facts that came before it. A known order only
  // has its status refreshed, unless a later-triggered delivery set it. Answers the outcome
  // (recorded, known, stale, or erased: the person was erased after the order was placed, so nothing
  // is stored) and the customer's id.
  await sql`
    create function record_order(
      p_store text, p_lock_key text, p_order jsonb, p_customer jsonb, p_source text, p_status_at timestamptz, p_placed jsonb,
      p_order_key text, p_workflow_prefix text, p_fulfillment_key text, p_refund_key text, p_guest_prefix text, p_placeholder_suffix text
    ) returns table (code text, customer text) language plpgsql ${genericPlans} as $$
    #variable_conflict use_column
    declare
      v_platform text := p_customer->>'platformId';
      v_email text := p_customer->>'email';
      v_details jsonb := p_customer->'details';
      v_order text := p_order->>'orderId';
      v_placed_at timestamptz := (p_order->>'placedAt')::timestamptz;
      v_total numeric := (p_order->>'total')::numeric;
      v_found customers%rowtype;
      v_customer text;
      v_inserted text;
    begin
      perform pg_advisory_xact_lock(hashtextextended(p_lock_key, 0));
      if exists (select 1 from redacted_subjects r
                 where r.store_id = p_store and r.subject in (select jsonb_array_elements_text(p_customer->'subjects'))
                   and r.redacted_at >= v_placed_at) then
        return query select 'erased', null::text;
        return;
      end if;

      select c.* into v_found from customers c
      where c.store_id = p_store and (c.id = v_platform or c.account_id = v_platform or c.email = v_email)
      order by case when c.id = v_platform then 0 when c.account_id = v_platform then 1 else 2 end
      limit 1;
      if v_found.id is null then
        insert into customers (store_id, id, email, first_name, last_name, time_zone, accepts_marketing)
        values (p_store, p_customer->>'newId', v_email, v_details->>'first_name', v_details->>'last_name',
                v_details->>'time_zone', (v_details->>'accepts_marketing')::boolean)
        on conflict do nothing
        returning id into v_customer;
        -- A concurrent order of the same person won the insert, maybe under another id: take theirs.
        if v_customer is null then
          select c.id into v_customer from customers c
          where c.store_id = p_store and (c.id = p_customer->>'newId' or c.email = v_email)
          order by case when c.id = p_customer->>'newId' then 0 else 1 end
          limit 1;
        end if;
      else
        v_customer := v_found.id;
        -- A redacted customer is never refilled; most orders repeat what is known, so only a change is written.
        if v_found.redacted_at is null then
          if (v_details ? 'first_name' and v_found.first_name is distinct from v_details->>'first_name')
             or (v_details ? 'last_name' and v_found.last_name is distinct from v_details->>'last_name')
             or (v_details ? 'time_zone' and v_found.time_zone is distinct from v_details->>'time_zone')
             or (v_details ? 'accepts_marketing' and v_found.accepts_marketing is distinct from (v_details->>'accepts_marketing')::boolean) then
            update customers c set
              first_name = case when v_details ? 'first_name' then v_details->>'first_name' else c.first_name end,
              last_name = case when v_details ? 'last_name' then v_details->>'last_name' else c.last_name end,
              time_zone = case when v_details ? 'time_zone' then v_details->>'time_zone' else c.time_zone end,
              accepts_marketing = case when v_details ? 'accepts_marketing' then (v_details->>'accepts_marketing')::boolean else c.accepts_marketing end,
              updated_at = now()
            where c.store_id = p_store and c.id = v_customer;
          end if;
          -- Emails name one person per store: the placeholder stays when another customer holds the email.
          if right(v_found.email, length(p_placeholder_suffix)) = p_placeholder_suffix then
            update customers c set email = v_email, updated_at = now()
            where c.store_id = p_store and c.id = v_customer
              and not exists (select 1 from customers o where o.store_id = p_store and o.email = v_email);
          end if;
          if v_platform is not null and starts_with(v_found.id, p_guest_prefix) and v_found.account_id is null then
            update customers c set account_id = v_platform, updated_at = now()
            where c.store_id = p_store and c.id = v_customer
              and not exists (select 1 from customers o where o.store_id = p_store and (o.id = v_platform or o.account_id = v_platform));
          end if;
        end if;
      end if;

      insert into orders (store_id, id, customer_id, placed_at, currency, total, cancelled_at, financial_status, fulfillment_status, source, status_at)
      values (p_store, v_order, v_customer, v_placed_at, p_order->>'currency', v_total, (p_order->>'cancelledAt')::timestamptz,
              p_order->>'financialStatus', p_order->>'fulfillmentStatus', p_source, p_status_at)
      on conflict do nothing
      returning id into v_inserted;
      if v_inserted is null then
        if not (p_order ? 'financialStatus' or p_order ? 'fulfillmentStatus') then
          return query select 'known', v_customer;
          return;
        end if;
        update orders o set
          financial_status = case when p_order ? 'financialStatus' then p_order->>'financialStatus' else o.financial_status end,
          fulfillment_status = case when p_order ? 'fulfillmentStatus' then p_order->>'fulfillmentStatus' else o.fulfillment_status end,
          status_at = coalesce(p_status_at, o.status_at),
          updated_at = now()
        where o.store_id = p_store and o.id = v_order and (p_status_at is null or o.status_at is null or o.status_at <= p_status_at);
        return query select case when found then 'known' else 'stale' end, v_customer;
        return;
      end if;

      insert into order_lines (store_id, order_id, line_no, product_id, variant_id, title, category, quantity, unit_price)
      select p_store, v_order, x.line_no, x.product_id, x.variant_id, x.title, x.category, x.quantity, x.unit_price
      from jsonb_to_recordset(p_order->'lines')
        as x(line_no int, product_id text, variant_id text, title text, category text, quantity int, unit_price numeric);

      if p_order->>'cancelledAt' is null then
        insert into dispatches (store_id, customer_id, workflow_id, kind, event_key, payload)
        values (p_store, v_customer, p_workflow_prefix || v_customer, 'orderPlaced', p_order_key, p_placed)
        on conflict (event_key) do nothing;
        if exists (select 1 from fulfillments f where f.store_id = p_store and f.order_id = v_order)
           or exists (select 1 from refunds r where r.store_id = p_store and r.order_id = v_order) then
          perform announce_order_facts(p_store, v_order, v_customer, v_total, p_workflow_prefix || v_customer, p_fulfillment_key, p_refund_key);
        end if;
      end if;
      return query select 'recorded', v_customer;
    end
    $$`.execute(db)

  // A fulfilment or refund, stored even before its order, and announced when its order is known and
  // was itself announced. Answers recorded, waiting (for its order) or known (stored before), and
  // whether the order is stored.
  for (const [fact, insert] of [
    [
      'fulfillment',
      sql`insert into fulfillments (store_id, id, order_id, fulfilled_at, complete, line_items)
          values (p_store, p_fact->>'id', v_order, (p_fact->>'at')::timestamptz, (p_fact->>'said')::boolean, p_fact->'lineItems')`,
    ],
    [
      'refund',
      sql`insert into refunds (store_id, id, order_id, refunded_at, amount, "full")
          values (p_store, p_fact->>'id', v_order, (p_fact->>'at')::timestamptz, (p_fact->>'amount')::numeric, (p_fact->>'said')::boolean)`,
    ],
  ] as const) {
    await sql`
      create function ${sql.raw(`record_${fact}`)}(
        p_store text, p_lock_key text, p_fact jsonb, p_order_key text, p_workflow_prefix text, p_fulfillment_key text, p_refund_key text
      ) returns table (code text, order_known boolean) language plpgsql ${genericPlans} as $$
      #variable_conflict use_column
      declare
        v_order text := p_fact->>'orderId';
        v_inserted text;
        v_customer text;
        v_total numeric;
      begin
        perform pg_advisory_xact_lock(hashtextextended(p_lock_key, 0));
        ${insert}
        on conflict do nothing
        returning id into v_inserted;
        select o.customer_id, o.total into v_customer, v_total from orders o where o.store_id = p_store and o.id = v_order;
        -- Only an order whose journey was told about it gets its facts announced: imported history and
        -- orders that arrived cancelled have no journey to tell.
        if v_inserted is not null and v_customer is not null and exists (select 1 from dispatches d where d.event_key = p_order_key) then
          perform announce_order_facts(p_store, v_order, v_customer, v_total, p_workflow_prefix || v_customer, p_fulfillment_key, p_refund_key);
        end if;
        return query select case when v_inserted is null then 'known' when v_customer is null then 'waiting' else 'recorded' end,
                            v_customer is not null;
      end
      $$`.execute(db)
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function record_refund`.execute(db)
  await sql`drop function record_fulfillment`.execute(db)
  await sql`drop function record_order`.execute(db)
  await sql`drop function announce_order_facts`.execute(db)
}
