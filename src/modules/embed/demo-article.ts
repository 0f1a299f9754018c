/**
 * The article Comment Desk was first made for, as the local demo shows it. Only the facts of the
 * piece (headline, outlet, byline, times) and a summary in our own words: its text is not ours.
 */
export const DEMO_ARTICLE = {
  id: 'demo-russia-war-ripple',
  title: "Waves of Russia's war ripple toward South with North's troop dispatch",
  outlet: 'Korea JoongAng Daily',
  byline: 'Seo Ji-eun',
  section: 'national',
  publishedAt: '2024-10-31T16:55:00+09:00',
  updatedAt: '2024-10-31T19:28:00+09:00',
  summary: [
    "North Korea's dispatch of troops to Russia's war against Ukraine brings the consequences of that war closer to the Korean Peninsula.",
    'The report follows how Seoul weighs its answer: what the deployment could give Pyongyang in return, and what it means for security in the South.',
  ],
  summaryNote:
    'This is a summary in our own words of the report, not its text. The page is the local demo of Comment Desk: the comments below are embedded with the same two lines of HTML a publisher adds to its article pages.',
} as const;
