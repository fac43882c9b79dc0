/** Methods of the timeline feature (filled in by its issue work). */
export const timelineContract = {} as const;
