/** Methods of the contacts feature. */
export const contactsContract = {} as const;
