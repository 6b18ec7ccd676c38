/**
 * The holder's name as the public verification page shows it: the family
 * name whole, the other names by their initial ("Nguyễn Văn An" → "Nguyễn
 * V*** A*"), enough for the person holding the paper to recognise it
 * without publishing the name. The stars do not tell the names' lengths.
 */
export function maskHolderName(fullName: string): string {
  const words = fullName.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  if (words.length === 1) return `${initial(words[0])}***`;
  const [family, ...rest] = words;
  return [family, ...rest.map((w, i) => initial(w) + (i === rest.length - 1 ? '*' : '***'))].join(' ');
}

/** The first letter in capitals (Vietnamese letters are one code point in NFC: "Đ", "Ư"); as written when its capital is two letters ("ß"). */
function initial(word: string): string {
  const first = Array.from(word)[0];
  const capital = first.toLocaleUpperCase('vi');
  return Array.from(capital).length === 1 ? capital : first;
}
