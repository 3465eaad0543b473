export { default } from '@crosswise/eslint-config'
