// Korean terms of the default Standards Board policy. Written for this project (see SOURCES.md):
// every entry was chosen against two failure modes, a slur slipping through and a civil news comment
// being held, so common verbs and nouns that merely contain a syllable are never listed on their own
// ("보지" is also "to see", "자위" is in "자위대", "년" is a year, "씹다" is to chew).
//
// Entry syntax (see engine/matcher/term-entry.ts): plain matches anywhere, "<x" at a word start, "x>" at a
// word end (particles and endings may follow). Spacing, punctuation, digits inside words, spelled-out jamo
// and stretched letters are undone by the normaliser, so variants like "시1발", "시.발" or "ㅅㅣㅂㅏㄹ"
// need no entry of their own; only genuinely different spellings are listed.

/** Reject: profanity, sexual vulgarity and slurs that no context excuses. */
export const KOREAN_BANNED: readonly string[] = [
  // 씨발 and its spellings
  '씨발', '시발', '씨빨', '시빨', '씨팔', '시팔', '씨펄', '시펄', '씨벌', '시벌', '씨뱔', '쓰발', '쓰벌',
  '쒸발', '쒸벌', '쉬발', '쉬벌', '쉬펄', '씌발', '씌벌', '슈발', '슈벌', '쓔발', '씨부랄', '시부랄', '씨부럴',
  '시부럴', '씨부렬', '씨뷰럴', '씨불알', '씨발놈', '씨발년', '시발놈', '시발년', '씨발새끼', '시발새끼',
  '씨방새', '시방새', '씨발롬', '씨발럼', '씨벌탱', '씨볼탱', '씨팍', '씨빠빠', '십새끼', '씹새끼',
  '씹새', '씹년', '씹놈', '씹창', '씹할', '십할', '씹팔', '씹쌔', '씹같', '씹물', '씹질', '씹보지', '씹뻐럴',
  '씹탱', '십탱', '썅', '쌍년', '쌍놈', '쌍것', '썅년', '썅놈', '씨이발', '시이발', '씨이팔', '쓰으발',
  // half-typed syllables, a consonant standing in for the whole ("ㅅ발", "병ㅅ")
  'ㅅ발', 'ㅆ발', '시ㅂ', '씨ㅂ', 'ㅅ팔', 'ㅆ팔', 'ㅂ신', '병ㅅ', 'ㅈ랄', '지ㄹ', '개ㅅㄲ', '개새ㄲ', 'ㅁ친놈', 'ㅁ친년',
  // 좆 and 존나
  '좆', '좃같', '좃밥', '좃까', '좃나', '존나', '존내', '졸나', '조낸', '쫀나', '졸라게', '좇같',
  '좇까', '좇밥', 'ㅈ같', 'ㅈ까', 'ㅈ밥', 'ㅈ되', 'ㅈ망', '개좆', '좆빨', '좆물',
  // 병신, 지랄, 염병
  '병신', '븅신', '빙신', '병싄', '븽신', '벼엉신', '병딱', '븅딱', '빙딱', '병신새끼', '병신년', '병시나', '지랄',
  '지럴', '즤랄', '쥐랄', '개지랄', '지랄병', '염병할', '옘병', '얨병', '육시랄', '육실할',
  // 개새끼 and other 새끼 insults
  '개새끼', '개새기', '개새키', '개색기', '개색끼', '개색히', '개섀끼', '개쌔끼', '개샛기', '개세끼', '개시키',
  '개쉐이', '개쉑', '개새퀴', '개섹기', '개싀끼', '개샊기', '개새꺄', '개색꺄', '개새야', '개색휘', '개생키',
  '<이새끼', '<저새끼', '<그새끼', '<니새끼', '<너새끼', '새끼야', '새끼들아', '쌔끼', '섀끼', '색기야', '색꺄',
  '미친새끼', '미친새기', '미친색기', '쓰레기새끼', '벌레새끼', '호로새끼', '후레새끼', '호로자식', '후레자식',
  '호래자식', '개자식', '개잡놈', '개잡년', '개쌍놈', '개쌍년', '개같은년', '개같은놈', '개같은새끼', '개같은',
  '개같네', '개같다', '개씹', '개쓰레기', '좆밥새끼', '죽일년', '빌어먹을년', '빌어먹을놈',
  // 놈 and 년 insults
  '미친놈', '미친년', '미친넘', '미친뇬', '미친것들', '<개놈', '<개년', '잡놈', '잡년', '썩을년', '썩을놈',
  '화냥년', '화냥놈', '걸레년', '개걸레', '창년', '창놈', '갈보년', '늙은년', '더러운년', '된장년', '메갈년',
  '페미년', '<니년', '<이년아', '<저년이',
  // insults about someone's parents
  '<니미', '니기미', '니미럴', '니애미', '니애비', '느금마', '느금', '느그애미', '느그애비', '느개비',
  '니엄창', '엠창', '엄창', '앰창', '애미뒤진', '애비뒤진', '애미없', '애비없', '애미터진', '니미씨발',
  // sexual vulgarity
  '보짓', '보지털', '보징어', '개보지', '보빨', '보혐', '자짓', '자지털', '딸딸이', '빠구리', '사까시', '육변기',
  '질싸', '빨통', '젖탱이', '섹파',
  // ethnic and national slurs
  '짱깨', '짱개', '짱께', '짱꼴라', '짱골라', '짱꼴래', '쪽바리', '쪽발이', '조센징', '깜둥이', '깜씨', '쪽국',
  '섬숭이', '똥남아', '되놈', '떼놈', '뙤놈', '짱국', '착짱죽짱',
  // hate against women, men, regions and groups
  '한남충', '한남유충', '김치녀', '꼴페미', '보슬아치', '삼일한', '보적보', '냄저', '숨쉴한', '전라디언',
  '홍어족', '홍어새끼', '라도새끼', '개쌍도', '맘충', '틀딱충', '급식충', '노인충', '장애새끼', '장애인새끼',
  // keyboard-layout and romanised spellings of the above
  'tlqkf', 'tlbal', 'qudtls', 'wlfkf', 'rotorl', 'ssibal', 'ssibbal', 'shibal', 'sibal', 'ssipal', 'sibbal',
  'ssibar', 'byungsin', 'byungshin', 'gaesaekki', 'gaesaeki', 'jotgat', 'jotkka',
];

/** Hold: insults, threats and loaded words a moderator should read in context. */
export const KOREAN_SUSPECT: readonly string[] = [
  // milder insults
  '<시바>', '씨바', '등신', '머저리', '또라이', '돌아이', '똘아이', '또라이새끼', '찐따', '저능아', '지진아', '븅',
  '대가리', '돌대가리', '빡대가리', '새대가리', '닭대가리', '주둥이', '주둥아리', '아가리', '쳐먹', '처먹어',
  '처먹고', '개소리', '개빡치', '엿먹어', '엿같', '엿이나', '빌어먹을', '오라질', '우라질', '염병', '<애미', '<애비',
  '<에미', '<에비', '상놈', '씨부렁', '시부렁', '개념없는새끼', '인간쓰레기', '인간말종', '버러지', '쓰레기같은놈',
  '한심한새끼', '미쳤냐', '미쳤나봐', '돌았냐', '돌았나', '뇌없', '뇌텅텅', '골빈', '무뇌', '무뇌아',
  // telling someone to shut up, get lost or die
  '닥쳐라', '닥치세요', '입닥쳐', '아가리닥쳐', '닥치라고', '닥쳐요', '꺼져라', '꺼지라고', '꺼져버려', '꺼지세요',
  '뒤져라', '뒤져버려', '뒈져', '뒈지', '디져라', '디질래', '뒤질래', '죽어버려', '자살해라',
  // threats
  '죽여버린다', '죽여버릴', '죽여버리', '죽여불', '죽일놈', '칼빵', '담가버', '패버린다', '패죽', '찢어죽',
  '죽빵', '면상', '낯짝',
  // sexual
  '섹스하', '오나홀', '노콘', '창녀', '걸레같', '젖통', '꼬추', '딸치',
  // slurs that also have an innocent reading, or are contested in political argument
  '왜놈', '<양키>', '양놈', '흑형', '니그로', '튀기새끼', '된장녀', '메갈', '<한녀>', '틀딱', '진지충', '일베충',
  '<홍어>', '멍청도', '빨갱이', '좌빨', '수꼴', '토착왜구', '대깨문', '문재앙', '닭근혜', '쥐박이', '기레기', '좌좀',
  '우좀', '페미충', '한남들', '개독', '먹사', '씹덕', '오타쿠새끼', '짱깨같', '쪽본', '흑인새끼', '외노자',
  '조선족새끼', '<십팔>', '십창', '씹선비',
  // romanised
  '<jonna>', '<sipal>', '니엄마',
];
