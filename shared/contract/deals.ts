/** Methods of the deals feature. */
export const dealsContract = {} as const;
