// The values that no document prints, on purpose, each with its reason: the one list that the
// every-value test (varje-värde.test.ts) takes its exceptions from. A pattern is a schema path
// with [] for every item of a list; `typ` excepts a kind of value wherever it stands.
// aldrig: the value must not stand in any document (the test checks that too).
export interface Undantag { mönster?: string; typ?: 'id' | 'ref'; skäl: string; aldrig?: boolean }

export const UNDANTAG: Undantag[] = [
  { mönster: 'formatversion', skäl: 'Projektfilens formatversion beskriver filen, inte planen.' },
  { mönster: 'dokument.profil', skäl: 'Anger vilken grafisk profil dokumenten formges med (mappen syns som färger, logotyp och typsnitt), inte ett värde i planen; den genererade filen har inget fält här eftersom mappen inte finns.' },
  { mönster: 'projekt.exempel', skäl: 'Skrivs som markeringen "Exempel – påhittade uppgifter" på omslaget och i inledningen, inte som ett värde.' },
  { mönster: 'projekt.kommuner[].länskod', skäl: 'SCB:s länskod är för register, inte för en nämnd: Förankringsunderlagets tabell Kommuner skriver länets namn (ur koden när län saknas), issue 13.' },
  { typ: 'id', skäl: 'Ett id är en nyckel som andra delar av filen hänvisar med; dokumenten skriver det som id:t står för (namn, rubrik), och id bara där det hjälper läsaren.' },
  { typ: 'ref', skäl: 'En hänvisning skrivs som namnet på det den pekar på, och det namnet är en egen markör.' },
  { mönster: 'projekt.samordnare.namn', skäl: 'Personnamn: dokumenten blir allmänna handlingar och skriver roll (och aktör), inte namn.', aldrig: true },
  { mönster: 'organisation.grupper[].medlemmar[].namn', skäl: 'Personnamn: dokumenten skriver medlemmens roll eller organ, inte namn.', aldrig: true },
  { mönster: 'organisation.samordning.personer[].namn', skäl: 'Personnamn: dokumenten skriver samordnarens roll, inte namn.', aldrig: true },
];

export function undantagFör(pattern: string, kind: string): Undantag | undefined {
  return UNDANTAG.find((u) => (u.mönster !== undefined && u.mönster === pattern) || (u.typ !== undefined && u.typ === kind));
}
