import { randomUUID } from 'node:crypto'
import { loadConfig } from '@crosswise/config'
import { temporalTestServerPath } from '@crosswise/local-stack'
import { TestWorkflowEnvironment } from '@temporalio/testing'
import { inject } from 'vitest'
import './provided-context.ts'

/** Address of the run's shared Temporal dev server. */
export function temporalAddress(): string {
  return inject('temporalAddress')
}

/** A fresh id with a readable prefix, so tests sharing one server never collide. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`
}

/**
 * A time-skipping Temporal environment on the native test server from the project's tools folder
 * (the SDK's own download cannot work offline). One per test file; tear it down in `afterAll`.
 */
export async function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  const path = temporalTestServerPath(loadConfig().toolsDir)
  return TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } })
}
