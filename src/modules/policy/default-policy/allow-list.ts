// Innocent words that contain a listed term: a term match lying wholly inside an allow-list match does not
// count. Matching is on the normalised form, so "Scunthorpe" and "SCUNTHORPE" are the same entry.
//
// Decided hard case: "수박씨발라먹어" (peel the seeds off the watermelon and eat it) contains "씨발". It is
// allowed when a seed-bearing fruit comes before "씨발라", because that is the everyday sentence; a bare
// "씨발라먹어" with no fruit stays rejected, since with nothing before it the profane reading is the likely one.

export const ALLOW_LIST: readonly string[] = [
  // English: place names and ordinary words around a listed stem
  'scunthorpe', 'penistone', 'clitheroe', 'shiitake', 'shitake', 'snigger', 'sniggered', 'sniggering',
  'pussycat', 'pussyfoot', 'pussy willow', 'homo sapiens', 'homo erectus', 'cocktail', 'cockpit', 'peacock',
  'hancock', 'cockroach', 'shuttlecock', 'cockerel', 'woodcock', 'assassin', 'class', 'classic', 'bass', 'brass',
  'grass', 'glass', 'mass', 'pass', 'compass', 'embassy', 'assess', 'assume', 'assist', 'dickens', 'dickinson',
  'cucumber', 'document', 'circumstance', 'cumulative', 'scrap', 'skyscraper', 'therapist', 'raccoon', 'cocoon',
  'tycoon', 'spice', 'spicy', 'conspicuous', 'niggardly', 'sussex', 'essex', 'middlesex', 'arsenal', 'bassist',
  'petition', 'butterscotch', 'fukushima', 'fukuoka', 'phuket',
  'japan', 'japanese', 'gypsum', 'homogeneous', 'homologous', 
  // Korean: everyday words that contain a term
  '시발점', '시발역', '시발택시', '시발자동차', '출시발표', '개시발표', '십팔번', '십팔세', '십팔일', '십팔개월',
  '수박씨발라', '호박씨발라', '참외씨발라', '포도씨발라', '해바라기씨발라', '가시발라', '병신양요', '병신년 새해',
  '시바견', '시바이누', '시바 이누', '시바신', '저씨바', '가씨바', '등신대', '등신불', '멸치대가리', '생선대가리', '홍어회',
  '홍어삼합', '홍어무침', '홍어애탕', '고양이새끼', '원숭이새끼', '호랑이새끼', '강아지새끼', '새끼손가락',
  '새끼발가락', '새끼줄', '양키스', '양키즈',
];
