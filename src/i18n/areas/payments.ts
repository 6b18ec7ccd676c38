/** The payments area's strings; merged into the catalogues by ../messages.ts. */
export const paymentsVi = {} as const;

export const paymentsEn: Record<keyof typeof paymentsVi, string> = {};
