/** An open or a click seen after a journey email; one row per email, kind and moment. */
export interface SendEngagementTable {
  send_key: string
  store_id: string
  kind: 'opened' | 'clicked'
  occurred_at: Date
}
