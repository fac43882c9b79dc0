/** Methods of the receivables feature. */
export const receivablesContract = {} as const;
