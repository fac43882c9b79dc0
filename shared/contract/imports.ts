/** Methods of the imports feature (filled in by its issue work). */
export const importsContract = {} as const;
