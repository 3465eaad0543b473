/**
 * The one formatting of the tree. Wide lines because the code names things in full
 * (`recordHoldoutAssignment`, `journeyPolicySchema.shape.frequencyCap`) and reads best unbroken.
 * @type {import('prettier').Config}
 */
export default {
  printWidth: 140,
  semi: false,
  singleQuote: true,
  trailingComma: 'all',
}
