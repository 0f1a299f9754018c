export const CONSOLE_SECTIONS = ['articles', 'policy', 'people', 'log', 'groups'] as const;
export type ConsoleSection = (typeof CONSOLE_SECTIONS)[number];

/** `?section=` of the address, so a reload or a shared link opens the same part of the console. */
export function sectionOf(search: string): ConsoleSection {
  const section = new URLSearchParams(search).get('section');
  return (CONSOLE_SECTIONS as readonly string[]).includes(section ?? '') ? (section as ConsoleSection) : 'articles';
}
