import type { Db } from '../database.ts'

/** An email that led to a purchase. */
export interface Conversion {
  sendKey: string
  storeId: string
  customerId: string
  orderId: string
  pairingId: string
  purchaseOrderId: string | null
}

/** Records a conversion once per email. */
export async function recordConversion(db: Db, conversion: Conversion): Promise<void> {
  await db
    .insertInto('journey_conversions')
    .values({
      send_key: conversion.sendKey,
      store_id: conversion.storeId,
      customer_id: conversion.customerId,
      order_id: conversion.orderId,
      pairing_id: conversion.pairingId,
      purchase_order_id: conversion.purchaseOrderId,
    })
    .onConflict((oc) => oc.column('send_key').doNothing())
    .execute()
}

/** A store's conversions, oldest first. */
export async function listConversions(db: Db, storeId: string): Promise<Conversion[]> {
  const rows = await db.selectFrom('journey_conversions').selectAll().where('store_id', '=', storeId).orderBy('converted_at').execute()
  return rows.map((row) => ({
    sendKey: row.send_key,
    storeId: row.store_id,
    customerId: row.customer_id,
    orderId: row.order_id,
    pairingId: row.pairing_id,
    purchaseOrderId: row.purchase_order_id,
  }))
}
