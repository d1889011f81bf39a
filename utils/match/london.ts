/**
 * Words and phrases that place a text in London. Relevance reads both lists as a London
 * signal; statistics read the parts as narrowing a London-wide figure to one area ("12
 * homicides in Lambeth" is not London's yearly count).
 */

/** The city as a whole: its name, its people, its Mayor and policing bodies, its central criminal court. */
export const LONDON_WIDE = [
  'London', 'Londoners', 'Londoner', 'Mayor of London', 'London Assembly', 'MOPAC', 'Mayor’s Office for Policing and Crime',
  'Old Bailey',
];

/**
 * Parts of London: its boroughs and the places its crime news names. Borough names shared
 * with places elsewhere (Sutton, Merton, Greenwich, Richmond, Kingston, Brent, Harrow, Enfield,
 * Bromley) and "Westminster" (Parliament, in any national story) are left out.
 */
export const LONDON_PARTS = [
  'Barking and Dagenham', 'Barnet', 'Bexley', 'Camden', 'Croydon', 'Ealing', 'Hackney', 'Hammersmith', 'Haringey', 'Havering',
  'Hillingdon', 'Hounslow', 'Islington', 'Kensington', 'Kingston upon Thames', 'Lambeth', 'Lewisham', 'Newham', 'Redbridge',
  'Richmond upon Thames', 'Southwark', 'Tower Hamlets', 'Waltham Forest', 'Wandsworth',
  'Brixton', 'Tottenham', 'Peckham', 'Clapham', 'Stockwell', 'Notting Hill', 'Charing Cross',
];
