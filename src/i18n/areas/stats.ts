/** The stats area's strings; merged into the catalogues by ../messages.ts. */
export const statsVi = {} as const;

export const statsEn: Record<keyof typeof statsVi, string> = {};
