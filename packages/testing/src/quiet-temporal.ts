// Setup file for integration tests: the SDK logs every worker state change at INFO; tests want
// only warnings and errors.
import { DefaultLogger, Runtime } from '@temporalio/worker'

Runtime.install({ logger: new DefaultLogger('WARN') })
