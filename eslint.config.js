// The whole tree in one lint run (`npm run lint`, `npm test`): one TypeScript program from the root
// tsconfig instead of one per package, which is several times faster than linting package by package.
import base from '@crosswise/eslint-config'
import { workflowFence } from '@crosswise/eslint-config/workflow'

export default [
  ...base,
  // Local state, not source: the dev stack's data (and the previous release scripts/cluster.sh checks out there), the tools.
  { ignores: ['.data/**', '.tools/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: false, project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
  },
  // The dashboard is a browser app with a TypeScript program of its own (DOM types, JSX).
  {
    files: ['apps/dashboard/**/*.ts', 'apps/dashboard/**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: false, project: './apps/dashboard/tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
  },
  workflowFence('packages/journeys/src'),
]
