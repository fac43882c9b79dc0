/** Methods of the settings feature. */
export const settingsContract = {} as const;
