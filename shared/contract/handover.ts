/** Methods of the handover feature (filled in by its issue work). */
export const handoverContract = {} as const;
