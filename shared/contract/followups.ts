/** Methods of the followups feature (filled in by its issue work). */
export const followUpsContract = {} as const;
