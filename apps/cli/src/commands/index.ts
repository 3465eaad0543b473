import type { Command } from '../command.ts'
import { devCommand } from './dev.ts'
import { evaluateCommand } from './evaluate.ts'
import { importCommand } from './import.ts'
import { keysCommand } from './keys.ts'
import { klaviyoSetupCommand } from './klaviyo-setup.ts'
import { mineCommand } from './mine.ts'
import { replayCommand } from './replay.ts'
import { reportCommand } from './report.ts'
import { reviewCommand } from './review.ts'
import { sendsCommand } from './sends.ts'
import { simulateCommand } from './simulate.ts'

/** Every `crosswise` sub-command, in the order help lists them. */
export const commands: Command[] = [
  devCommand,
  klaviyoSetupCommand,
  evaluateCommand,
  importCommand,
  mineCommand,
  replayCommand,
  simulateCommand,
  sendsCommand,
  reportCommand,
  reviewCommand,
  keysCommand,
]
