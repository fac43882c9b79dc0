/** Methods of the products feature. */
export const productsContract = {} as const;
