/** The results area's strings; merged into the catalogues by ../messages.ts. */
export const resultsVi = {} as const;

export const resultsEn: Record<keyof typeof resultsVi, string> = {};
