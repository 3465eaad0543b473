import {
  claimSend,
  loadRecipient,
  markRejected,
  markSent,
  markUnsendable,
  orderLines,
  emailVariant,
  findExperiment,
  type Db,
  type EmailVariant,
  type LedgerEntry,
  type ShownProduct,
} from '@crosswise/db'
import type { ProductCard } from '@crosswise/klaviyo'
import type { ExperimentVariant } from '@crosswise/domain'
import { pairingPickSchema, type PairingPick } from '@crosswise/journeys'
import { ApplicationFailure } from '@temporalio/common'
import { activityNow } from './activity-clock.ts'
import { classifyGatewayFailure } from './failures.ts'
import { gridCompanions } from './grid-companions.ts'
import type { JourneyActivityImplementations } from './index.ts'
import type { Channel, Messaging } from './messaging.ts'
import { sendablePick } from './sendable-pick.ts'
import type { RecentBestSellerCache } from './store-best-sellers.ts'

function card(product: ShownProduct): ProductCard {
  return {
    productId: product.productId,
    title: product.title,
    url: product.url!,
    ...(product.imageUrl ? { imageUrl: product.imageUrl } : {}),
    price: product.price ?? '0',
  }
}

/** Adds decimal prices without floating point (four decimals, as stored). */
function sumPrices(prices: readonly string[]): string {
  const units = prices.reduce((sum, price) => {
    const [whole = '0', fraction = ''] = price.split('.')
    return sum + BigInt(whole) * 10_000n + BigInt(fraction.padEnd(4, '0').slice(0, 4))
  }, 0n)
  return `${units / 10_000n}.${String(units % 10_000n).padStart(4, '0')}`
}

/** What a variant's email says and offers: its subject line and discount code for the template. */
function variantContent(variant: ExperimentVariant | undefined) {
  const offer = variant?.offer.kind === 'code' ? variant.offer : undefined
  return {
    ...(offer ? { discountCode: offer.code } : {}),
    ...(offer?.percentOff ? { discountPercent: offer.percentOff } : {}),
    ...(variant?.subject ? { subject: variant.subject } : {}),
  }
}

/**
 * The variant an email shows: the one its ledger row holds (fixed at the first claim, so a retry
 * after the experiment changed sends the same email), or outside experiments the promoted one.
 */
async function shownVariant(db: Db, entry: LedgerEntry, current: EmailVariant): Promise<ExperimentVariant | undefined> {
  if (!entry.experimentId || !entry.variantId) return current.experiment ? undefined : current.variant
  const experiment =
    current.experiment?.id === entry.experimentId
      ? current.experiment
      : (await findExperiment(db, entry.storeId, entry.experimentId))?.experiment
  return experiment?.variants.find((variant) => variant.id === entry.variantId)
}

/** The pick a ledger row keeps (rows claimed before it was kept hold only its parts: the task's pick then). */
function claimedPick(entry: LedgerEntry, fallback: PairingPick): PairingPick {
  const kept = pairingPickSchema.safeParse(entry.pick)
  return kept.success ? kept.data : fallback
}

/** The result's `pairing`: only when a fall-through sent another than the journey's (histories stay small). */
function sentInstead(pick: PairingPick, asked: PairingPick): { pairing?: PairingPick } {
  return pick.pairingId === asked.pairingId ? {} : { pairing: pick }
}

/**
 * Sends one recommendation email, exactly once per send key: the ledger row is claimed first, the
 * gateway call carries the key as Klaviyo's `unique_id` (or the outbox's key), and the row is marked
 * sent after. A retry after a crash at any point repeats only the idempotent call. A product gone
 * since the pick makes the email fall through to the next candidate when the task allows it
 * (`sendablePick`); consent the order brought is written to the Klaviyo profile when the guards ask.
 */
export function sendActivities(
  db: Db,
  messaging: Messaging,
  sellers: RecentBestSellerCache,
  picks: Pick<JourneyActivityImplementations, 'pickPairing'>,
): Pick<JourneyActivityImplementations, 'sendRecommendation'> {
  return {
    async sendRecommendation(input) {
      const { storeId, customerId, sendKey, pairing } = input
      const current = await emailVariant(db, storeId, customerId, input.orderId)
      const { experiment, variant } = current
      const entry = await claimSend(db, {
        sendKey,
        storeId,
        customerId,
        orderId: input.orderId,
        step: input.step,
        kind: input.kind,
        pairingId: pairing.pairingId,
        pairingSource: pairing.source,
        productIds: pairing.productIds,
        ...(experiment && variant ? { experimentId: experiment.id, variantId: variant.id } : {}),
        ...(input.segment ? { segment: input.segment } : {}),
        pick: pairing,
        ...(input.consent ? { consentSource: input.consent.source } : {}),
      })
      if (entry.status === 'sent' && entry.sentAt) {
        const delivery =
          entry.channel && entry.profileId ? { delivery: { channel: entry.channel as Channel, profileId: entry.profileId } } : {}
        return {
          status: 'already-sent',
          sentAt: entry.sentAt.toISOString(),
          ...delivery,
          ...sentInstead(claimedPick(entry, pairing), pairing),
        }
      }
      if (entry.status === 'unavailable') return { status: 'unavailable' }
      if (entry.status !== 'sending')
        throw ApplicationFailure.nonRetryable(`Send ${sendKey} was refused earlier (${entry.status})`, 'SendRefused')

      const recipient = await loadRecipient(db, storeId, customerId)
      if (!recipient || recipient.contact.redacted)
        throw ApplicationFailure.nonRetryable(`Customer ${customerId} can no longer be emailed`, 'CustomerGone')
      const { contact } = recipient
      // Stock and ownership may have changed since the pick (a follow-up reuses it days later).
      const owned = new Set(recipient.ownedProductIds)
      const { pick, products, gone } = await sendablePick(
        db,
        picks.pickPairing,
        input,
        { pick: claimedPick(entry, pairing), claimedNow: entry.claimedNow },
        owned,
      )
      if (gone !== undefined) {
        await markUnsendable(db, sendKey, `product ${gone} is unavailable or owned`)
        return { status: 'unavailable' }
      }
      const recommended = pick.productIds.map((id) => products.find((product) => product.productId === id)!)
      const shown = await shownVariant(db, entry, current)
      const grid = shown?.layout?.kind === 'grid' ? shown.layout.size : undefined
      const companions = grid
        ? await gridCompanions(db, sellers, {
            storeId,
            triggerProductId: pick.triggerProductId,
            excluded: new Set([...owned, ...pick.productIds]),
            count: grid - recommended.length,
          })
        : []
      const cards = [...recommended.map(card), ...companions.map(card)]
      const triggerProduct = products.find((product) => product.productId === pick.triggerProductId)
      // A trigger product missing from the catalogue still shows by its order line, linking to the pick.
      const triggerLine = triggerProduct?.url
        ? undefined
        : (await orderLines(db, storeId, input.orderId)).find((line) => line.productId === pick.triggerProductId)
      const triggerCard: ProductCard = triggerProduct?.url
        ? card(triggerProduct)
        : {
            productId: pick.triggerProductId,
            title: triggerLine?.title ?? triggerProduct?.title ?? pick.triggerProductId,
            url: cards[0]!.url,
            price: triggerLine?.unitPrice ?? '0',
          }

      const { channel, gateway } = await messaging.current(storeId)
      const identity = { storeId, customerId, email: contact.email }
      // A refusal (4xx) ends the step for good: the ledger keeps Klaviyo's answer as the reason.
      const onRefusal = (reason: string) => markRejected(db, sendKey, reason)
      const { profileId } = await classifyGatewayFailure(() => gateway.upsertProfile(identity), onRefusal)
      // Consent given with the order, written to the profile before the email that relies on it.
      if (input.consent?.subscribe) await classifyGatewayFailure(() => gateway.subscribeEmail(contact.email), onRefusal)
      await classifyGatewayFailure(
        () =>
          gateway.sendRecommendation({
            customer: identity,
            idempotencyKey: sendKey,
            journeyStep: input.kind,
            triggerProduct: triggerCard,
            products: cards,
            value: sumPrices([...recommended, ...companions].map((product) => product.price ?? '0')),
            ...(shown?.layout ? { layout: shown.layout.kind } : {}),
            ...variantContent(shown),
            ...(entry.experimentId && entry.variantId ? { experiment: { id: entry.experimentId, variant: entry.variantId } } : {}),
            currency: recommended[0]!.currency ?? contact.storeCurrency,
          }),
        onRefusal,
      )
      const sentAt = await markSent(db, sendKey, {
        channel,
        profileId,
        at: activityNow(),
        ...(companions.length > 0 ? { productIds: cards.map((shownCard) => shownCard.productId) } : {}),
      })
      return { status: 'sent', sentAt: sentAt.toISOString(), delivery: { channel, profileId }, ...sentInstead(pick, pairing) }
    },
  }
}
