// Name lists for SYNTHETIC data only: common Arabic given names (male and female) and common
// Palestinian-style family names, each with a relative frequency and one or more usual Latin
// transliterations (the first is the most common). Written for this project from general
// knowledge of naming; no list of real people was used. Frequencies are rough and skewed the way
// real populations are (a few names very common, a long tail of rare ones).
//
// Line format: Arabic|Latin1,Latin2,...|weight (weight 1 when omitted).

export interface NameEntry {
  readonly ar: string;
  readonly en: readonly string[];
  readonly weight: number;
}

function parse(table: string): readonly NameEntry[] {
  const out: NameEntry[] = [];
  const seen = new Set<string>();
  for (const raw of table.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const [ar, en, w] = line.split('|');
    if (!ar || !en) throw new Error(`bad name line: ${line}`);
    if (seen.has(ar)) throw new Error(`duplicate name: ${ar}`);
    seen.add(ar);
    out.push({ ar, en: en.split(',').map((s) => s.trim()), weight: w ? Number(w) : 1 });
  }
  return out;
}

export const maleGivenNames: readonly NameEntry[] = parse(`
محمد|Mohammed,Muhammad,Mohamed,Mohamad,Mohammad|100
أحمد|Ahmed,Ahmad|60
محمود|Mahmoud,Mahmud,Mahmood|30
عبد الله|Abdullah,Abdallah,Abd Allah,Abdalla|22
يوسف|Yousef,Yousif,Yusuf,Youssef|20
إبراهيم|Ibrahim,Ebrahim,Ibraheem|18
خالد|Khaled,Khalid|15
علي|Ali|15
عمر|Omar,Umar|14
مصطفى|Mustafa,Mostafa,Moustafa|12
حسن|Hassan,Hasan|12
عبد الرحمن|Abdel Rahman,Abdulrahman,Abd al-Rahman,Abdelrahman|10
إسماعيل|Ismail,Ismael,Esmail|9
حسين|Hussein,Hussain,Hosein|8
سامي|Sami,Samy|6
أسامة|Osama,Usama,Ousama|6
سعيد|Saeed,Said,Saed|6
حمزة|Hamza,Hamzah|6
عبد الكريم|Abdel Karim,Abdulkarim,Abd al-Karim|4
عبد الرحيم|Abdel Rahim,Abdulrahim|3
عبد العزيز|Abdel Aziz,Abdulaziz,Abd al-Aziz|4
عبد الحميد|Abdel Hamid,Abdulhamid|2
عبد القادر|Abdel Qader,Abdulqader,Abdel Kader|3
عبد الناصر|Abdel Nasser,Abdulnasser|2
عبد الفتاح|Abdel Fattah,Abdulfattah|2
عبد الرؤوف|Abdel Raouf,Abdulraouf|1
عبد السلام|Abdel Salam,Abdulsalam|2
عبد المجيد|Abdel Majid,Abdulmajeed|1.5
عبد الهادي|Abdel Hadi,Abdulhadi|1.5
عبد الحكيم|Abdel Hakim,Abdulhakim|1
عبد اللطيف|Abdel Latif,Abdullatif|1.5
عبد الجواد|Abdel Jawad,Abduljawad|1
عبد الباسط|Abdel Basit,Abdulbasit|1
عبد المنعم|Abdel Moneim,Abdulmonem|1
سعد|Saad,Sa'ad|3
فادي|Fadi,Fady|5
رامي|Rami,Ramy|5
هاني|Hani,Hany|4
نبيل|Nabil,Nabeel|4
جمال|Jamal,Gamal|5
كمال|Kamal|4
زياد|Ziad,Ziyad|4
وليد|Walid,Waleed|5
رائد|Raed,Ra'ed|4
ماجد|Majed,Majid|4
نضال|Nidal,Nedal|3
بلال|Bilal,Belal|5
أنس|Anas|5
أيمن|Ayman|5
إياد|Iyad,Eyad|4
عماد|Imad,Emad|4
عادل|Adel,Adil|4
عاطف|Atef,Atif|2
عصام|Issam,Essam|3
نادر|Nader,Nadir|3
ناصر|Nasser,Naser|5
منير|Munir,Mounir|2
مازن|Mazen,Mazin|3
مالك|Malek,Malik|3
معاذ|Moath,Muath,Mouath|4
معتز|Moataz,Mutaz|3
مؤمن|Moamen,Mumen,Mo'men|4
منذر|Munther,Mundher|2
مهند|Muhannad,Mohannad|4
حازم|Hazem,Hazim|3
حاتم|Hatem,Hatim|2
حسام|Hussam,Hossam|4
حمدي|Hamdi,Hamdy|3
حامد|Hamed,Hamid|3
حافظ|Hafez,Hafiz|1.5
جهاد|Jihad,Jehad|4
جميل|Jamil,Jameel|3
جابر|Jaber,Jabir|2
زكريا|Zakaria,Zakariya|3
زكي|Zaki,Zaky|2
زهير|Zuhair,Zuheir|2
سليمان|Suleiman,Sulaiman,Soliman|5
سلمان|Salman|2
سالم|Salem,Salim|4
سليم|Saleem,Salim|2
سمير|Samir,Sameer|4
سفيان|Sufyan,Sofian|2
شادي|Shadi,Shady|3
شريف|Sharif,Sherif|2
صالح|Saleh,Salih|5
صلاح|Salah|4
صبري|Sabri,Sabry|2
طارق|Tareq,Tarik,Tariq|5
طلال|Talal|2
عاهد|Ahed|1.5
عدنان|Adnan|3
عزمي|Azmi|1.5
عمار|Ammar|4
عوض|Awad|2
عيسى|Issa,Eisa|3
موسى|Mousa,Musa,Moussa|5
غسان|Ghassan|3
فتحي|Fathi,Fathy|3
فراس|Firas,Feras|3
فريد|Farid,Fareed|2
فؤاد|Fouad,Fuad|3
فايز|Fayez,Faiz|3
فيصل|Faisal,Feisal|2
قاسم|Qasem,Kassem,Qassim|3
كريم|Karim,Kareem|4
لؤي|Louay,Luay|2
ماهر|Maher|4
مجدي|Majdi,Magdy|3
مراد|Murad,Mourad|2
مروان|Marwan|3
منصور|Mansour,Mansur|3
نايف|Naif,Nayef|2
نعيم|Naim,Naeem|3
هشام|Hisham,Hesham|4
هيثم|Haitham,Haytham|3
وائل|Wael,Wa'el|4
وسيم|Wasim,Waseem|3
ياسر|Yasser,Yaser|5
ياسين|Yassin,Yaseen,Yasin|4
يحيى|Yahya,Yehia|4
يزن|Yazan|3
يونس|Younis,Yunus,Younes|3
يعقوب|Yaqoub,Yacoub,Yaqub|2
آدم|Adam|3
أمير|Amir,Ameer|3
أكرم|Akram|3
أشرف|Ashraf|4
أنور|Anwar|2
أيوب|Ayoub,Ayyub|2
إسلام|Islam|3
إيهاب|Ihab,Ehab|3
باسل|Basel,Basil|3
باسم|Bassem,Basim|3
بشير|Bashir,Basheer|2
تامر|Tamer,Tamir|3
توفيق|Tawfiq,Tawfik|2
ثائر|Thaer,Tha'er|2
جواد|Jawad|2
خليل|Khalil,Khaleel|5
داود|Dawood,Daoud,Dawud|3
ربيع|Rabie,Rabee|2
رضوان|Radwan,Ridwan|2
رياض|Riyad,Riad|3
زيد|Zaid,Zeid|3
سامر|Samer|4
شعبان|Shaaban,Sha'ban|2
عثمان|Othman,Osman,Uthman|3
علاء|Alaa,Ala'a|4
عودة|Odeh,Ouda|2
فارس|Fares,Faris|3
فهد|Fahd,Fahed|2
لطفي|Lutfi,Lotfy|1.5
محسن|Mohsen,Muhsin|2
معين|Mueen,Moin|2
منتصر|Muntaser,Montaser|2
نصر|Nasr|2
نزار|Nizar|3
نهاد|Nihad,Nehad|2
هاشم|Hashem,Hashim|2
همام|Hammam|2
يامن|Yamen|2
كنان|Kenan,Kinan|2
تيسير|Tayseer,Taisir|3
رشيد|Rashid,Rasheed|3
رجب|Rajab,Ragab|2
رمضان|Ramadan,Ramadhan|3
شوقي|Shawqi,Shawki|1.5
ضياء|Diaa,Dia'a|2
عزام|Azzam|2
عمرو|Amr|2
غازي|Ghazi|2
فوزي|Fawzi,Fawzy|2
مأمون|Mamoun,Ma'moun|2
مجاهد|Mujahed,Mojahed|2
مصعب|Musab,Mosab|3
سهيل|Suhail,Sohail|2
راشد|Rashed|2
نمر|Nimer,Nemer|2
عامر|Amer,Aamer|3
أسعد|Asaad,As'ad|2
أمجد|Amjad|3
إسحاق|Ishaq,Ishak|2
أديب|Adib,Adeeb|1.5
بهاء|Bahaa,Baha'|2
حذيفة|Huthaifa,Hudhaifa,Hozaifa|3
عبيدة|Obaida,Ubaida|3
سيف|Saif,Seif|3
`);

export const femaleGivenNames: readonly NameEntry[] = parse(`
فاطمة|Fatima,Fatma,Fatmeh|30
مريم|Mariam,Maryam,Miriam|18
آمنة|Amna,Amneh,Amena|10
عائشة|Aisha,Aysha,Aesha|10
خديجة|Khadija,Khadijeh,Khadeeja|9
زينب|Zainab,Zeinab|8
نور|Nour,Noor|10
سارة|Sara,Sarah|10
رنا|Rana|5
ريم|Reem,Rim|6
هدى|Huda,Hoda|7
منى|Mona,Muna|6
سماح|Samah|4
سمر|Samar|4
سناء|Sanaa,Sana'a|4
سعاد|Suad,Soad|4
سلمى|Salma,Selma|5
سهى|Suha,Soha|3
شيماء|Shaimaa,Shaima|4
صفاء|Safaa,Safa|4
عبير|Abeer,Abir|4
علا|Ola,Ula|3
غادة|Ghada|4
فرح|Farah|5
لينا|Lina,Leena|4
ليلى|Layla,Laila,Leila|5
لبنى|Lubna,Loubna|3
مها|Maha|4
ميساء|Maysaa,Maisa|3
نادية|Nadia,Nadiya|4
نجلاء|Najlaa,Najla|3
نسرين|Nisreen,Nesreen|4
نهى|Noha,Nuha|3
هالة|Hala|4
هبة|Heba,Hiba|6
هيا|Haya|3
وفاء|Wafaa,Wafa|4
ياسمين|Yasmin,Yasmeen,Jasmin|5
أسماء|Asmaa,Asma|7
إيمان|Iman,Eman|7
أمل|Amal|5
آلاء|Alaa,Ala'a|5
بسمة|Basma|3
تسنيم|Tasneem,Tasnim|4
جنى|Jana|5
جميلة|Jamila,Jameela|3
حنان|Hanan|5
حليمة|Halima,Haleema|3
حياة|Hayat|2
دعاء|Doaa,Du'aa|5
دينا|Dina,Deena|3
رحمة|Rahma,Rahmeh|3
رشا|Rasha|4
رغد|Raghad|4
رهف|Rahaf|5
روان|Rawan|5
ريهام|Reham,Riham|3
زهرة|Zahra,Zahraa|2
سوسن|Sawsan,Sousan|3
شهد|Shahd|5
صابرين|Sabreen,Sabrin|3
عفاف|Afaf|2
غدير|Ghadeer,Ghadir|3
فاتن|Faten|3
فدوى|Fadwa|3
كوثر|Kawthar,Kawsar|2
لمى|Lama|4
ملك|Malak|5
مرام|Maram|4
منار|Manar|4
ميار|Mayar|3
نسمة|Nesma,Nasma|2
نعمة|Neama,Ni'ma|2
هنادي|Hanadi,Hanady|2
وعد|Waad,Wa'ad|3
يسرى|Yusra,Yousra|3
ابتسام|Ibtisam,Ebtesam|3
إسراء|Israa,Esraa|5
انتصار|Intisar,Entesar|3
بيان|Bayan|3
تغريد|Taghreed,Taghrid|2
حلا|Hala,Hela|2
خلود|Kholoud,Khulud|3
دلال|Dalal|3
رزان|Razan|3
رقية|Ruqaya,Roqaya,Ruqayya|4
رؤى|Ruaa,Roaa|3
زينة|Zeina,Zaina|3
سجى|Saja|3
سندس|Sondos,Sundus|3
شروق|Shurouq,Shorouk|3
صفية|Safiya,Safia|3
ضحى|Doha,Duha|3
عبلة|Abla|2
عزيزة|Aziza|2
غزل|Ghazal|2
فايزة|Fayza,Faiza|2
فريدة|Farida|2
لانا|Lana|3
ماجدة|Majida,Magda|2
مروة|Marwa,Marwah|4
ميرفت|Mervat,Mirvat|2
نائلة|Naila,Na'ila|2
نجاح|Najah|2
نوال|Nawal|3
هيام|Hiyam,Hayam|2
وداد|Widad,Wedad|2
يارا|Yara|4
بتول|Batoul,Batool|3
تالا|Tala|3
جود|Joud,Jood|3
حور|Hour,Hoor|2
ريتاج|Ritaj|2
لين|Leen,Lin|3
آية|Aya,Ayah|6
أريج|Areej,Arij|3
إيناس|Enas,Inas|3
رحاب|Rehab,Rihab|3
سحر|Sahar|4
سمية|Sumaya,Somaya|4
عزة|Azza,Izza|2
غالية|Ghalia,Ghaliya|2
كفاح|Kifah,Kefah|1.5
لطيفة|Latifa|2
ناريمان|Nariman|1.5
نهلة|Nahla|2
هناء|Hanaa,Hana'|3
وئام|Weam,Wiam|2
يمنى|Yumna|2
آمال|Amal,Amaal|2
جيهان|Jihan,Gihan|2
حنين|Haneen,Hanin|4
رولا|Rula,Roula|3
ريما|Rima,Reema|3
سلوى|Salwa|3
شيرين|Sherin,Shireen|3
مي|May,Mai|3
ندى|Nada|4
نورة|Noura,Nora|3
هند|Hind|3
وردة|Warda|1.5
ولاء|Walaa,Wala'|4
ختام|Khitam|2
إخلاص|Ikhlas|2
أمينة|Amina,Ameena|3
بشرى|Bushra,Boshra|3
نجوى|Najwa|3
رجاء|Rajaa,Raja'|2
صباح|Sabah|3
سميرة|Samira,Sameera|3
نبيلة|Nabila|2
جمانة|Jumana,Joumana|3
`);

export const familyNames: readonly NameEntry[] = parse(`
النجار|Al-Najjar,Alnajjar,El Najjar,Najjar|4
الحلو|Al-Helou,Alhelou,El Helou|2
المصري|Al-Masri,Almasri,El Masri,Masri|4
الشامي|Al-Shami,Alshami,El Shami|2
العطار|Al-Attar,Alattar|2
الخطيب|Al-Khatib,Alkhateeb,El Khatib|3
الحداد|Al-Haddad,Alhaddad|3
الصباغ|Al-Sabbagh,Alsabbagh|1.5
الخياط|Al-Khayyat,Alkhayat|1.5
الحلاق|Al-Hallaq,Alhallaq|1.5
البنا|Al-Banna,Albanna|2
السقا|Al-Saqqa,Alsaqa|1.5
الطويل|Al-Tawil,Altaweel|2
القصير|Al-Qasir,Alqaseer|1
الأسمر|Al-Asmar,Alasmar|2
الأشقر|Al-Ashqar,Alashkar|1.5
الأحمد|Al-Ahmad,Alahmad|2
الأيوبي|Al-Ayoubi,Alayoubi|1
البرغوثي|Al-Barghouti,Barghouthi|2
التميمي|Al-Tamimi,Altamimi,Tamimi|3
الجعبري|Al-Jabari,Jaabari|2
الحسيني|Al-Husseini,Husseini|1.5
الدجاني|Al-Dajani,Dajani|1
الخالدي|Al-Khalidi,Khalidi|1.5
الرفاعي|Al-Rifai,Alrefai|1
الزعبي|Al-Zoubi,Alzoubi|1
الزين|Al-Zein,Alzein|1.5
السيد|Al-Sayed,Alsayed,El Sayed|2
الشريف|Al-Sharif,Alsharif|2
الشيخ|Al-Sheikh,Alsheikh|2
الصالح|Al-Saleh,Alsaleh|1.5
العلي|Al-Ali,Alali|1.5
العمري|Al-Omari,Alomari|2
الفرا|Al-Farra,Alfarra|2
القدوة|Al-Qudwa,Alqudwa|1
الكرد|Al-Kurd,Alkurd|2
الكحلوت|Al-Kahlout,Alkahlout|2
الكفارنة|Al-Kafarna,Kafarneh|1.5
اللحام|Al-Laham,Allaham|2
المدهون|Al-Madhoun,Almadhoun|2
المغربي|Al-Maghribi,Almaghrebi|2
المبيض|Al-Mubayyed,Almobayed|1
الناطور|Al-Natour,Alnatour|1
النحال|Al-Nahhal,Alnahal|1.5
الهندي|Al-Hindi,Alhindi|1.5
الوحيدي|Al-Wahidi,Alwaheedi|1
اليازجي|Al-Yazji,Alyazji|1
الزهار|Al-Zahar,Alzahar|1
السوافيري|Al-Sawafiri|1
الشوا|Al-Shawa,Alshawwa|1.5
الطهراوي|Al-Tahrawi|1
العجلة|Al-Ajla,Alajleh|1
الغول|Al-Ghoul,Alghoul|2
الفليت|Al-Flait,Alfleet|1
القانوع|Al-Qanou,Alqanoo|1
المصدر|Al-Masdar|1
النونو|Al-Nounou,Alnono|1
الهباش|Al-Habbash|1
الحايك|Al-Hayek,Alhayek|1.5
الجمل|Al-Jamal,Aljamal|2
الدحدوح|Al-Dahdouh|1
السرساوي|Al-Sarsawi|1
الشرفا|Al-Sharafa|1
البطش|Al-Batsh|1.5
الأغا|Al-Agha,Alagha|2
الأسطل|Al-Astal,Alastal|2
الريس|Al-Rayyes,Alrayes|1.5
العف|Al-Aff|1
الخضري|Al-Khudari,Alkhodary|1.5
السويركي|Al-Swerki|1
الزريعي|Al-Zurai|1
الأعرج|Al-Araj,Alaraj|1.5
الحاج|Al-Hajj,Alhaj|2
العبد|Al-Abed,Alabed|1.5
القيسي|Al-Qaisi,Alkaisi|1.5
الرملاوي|Al-Ramlawi|1.5
اللداوي|Al-Laddawi|1
اليافاوي|Al-Yafawi|1
الصفدي|Al-Safadi|1
العكاوي|Al-Akkawi|1
الحيفاوي|Al-Haifawi|1
النابلسي|Al-Nabulsi,Nabulsi|1.5
الخليلي|Al-Khalili|1
المقدسي|Al-Maqdisi|1
الغزاوي|Al-Ghazawi|1
الجعفري|Al-Jaafari|1
الكيلاني|Al-Kilani,Kilani|1
الطيب|Al-Tayeb,Altayeb|1
الأنصاري|Al-Ansari|1
السعدي|Al-Saadi,Alsaadi|1.5
العباسي|Al-Abbasi|1
الدباغ|Al-Dabbagh|1
الصيرفي|Al-Sayrafi|1
الجمال|Al-Jammal|1
الفلاح|Al-Fallah|1
الحمامي|Al-Hammami|1
القطان|Al-Qattan|1
البيطار|Al-Bitar|1
الشوبكي|Al-Shobaki|1
الحمد|Al-Hamad|1
المحتسب|Al-Muhtaseb|1
الحلبي|Al-Halabi|1
السعافين|Al-Saafin|1
الصوراني|Al-Sourani|1
العرابيد|Al-Arabeed|1
الغلبان|Al-Ghalban|1
القرا|Al-Qarra|1
اللوح|Al-Louh|1
المشهراوي|Al-Mashharawi|1
الأطرش|Al-Atrash|1
البرعي|Al-Baraei|1
الجرو|Al-Jarou|1
الحسنات|Al-Hasanat|1
الخزندار|Al-Khazendar|1
الداية|Al-Dayeh|1
الزميلي|Al-Zumaili|1
السلطان|Al-Sultan|1
الشنطي|Al-Shanti|1
الصفطاوي|Al-Saftawi|1
العمصي|Al-Amsi|1
الغفري|Al-Ghafari|1
القططي|Al-Qatati|1
المقيد|Al-Muqayyad|1
الحوراني|Al-Hourani|1
الرجوب|Al-Rajoub,Rjoub|1.5
الشلالدة|Al-Shalaldeh|1
النتشة|Al-Natsheh,Natsheh|1.5
الزرو|Al-Zaro|1
الحروب|Al-Harroub|1
الطيطي|Al-Titi|1
العملة|Al-Amleh|1
الجنيدي|Al-Junaidi|1
العواودة|Al-Awawdeh|1
العمايرة|Al-Amayreh|1
الهشلمون|Al-Hashlamoun|1
القواسمي|Al-Qawasmi|1.5
أبو عيشة|Abu Aisha,Abu Eisheh,Abueisha|2
أبو شمالة|Abu Shamala,Abushamala|2
أبو زيد|Abu Zaid,Abu Zeid,Abuzaid|2
أبو حسنة|Abu Hasna|1
أبو سمرة|Abu Samra|1
أبو ريا|Abu Rayya|1
أبو شرخ|Abu Sharkh|1
أبو عودة|Abu Odeh,Abu Ouda|2
أبو عمرة|Abu Amra|1
أبو ندى|Abu Nada|1.5
أبو هاشم|Abu Hashem|1.5
أبو حمدان|Abu Hamdan|1.5
أبو جبل|Abu Jabal|1
أبو خليل|Abu Khalil|2
أبو سعيد|Abu Saeed,Abu Said|2
أبو علي|Abu Ali|2
أبو عمر|Abu Omar|1.5
أبو يوسف|Abu Yousef|1.5
أبو صالح|Abu Saleh|1.5
أبو حسين|Abu Hussein|1.5
أبو طه|Abu Taha|1.5
أبو موسى|Abu Mousa,Abu Musa|1.5
أبو العيش|Abu al-Eish,Abu Aleish,Abulaish|1
أبو الخير|Abu al-Khair,Abulkhair|1
أبو النور|Abu al-Nour,Abu Alnour|1
أبو الهيجاء|Abu al-Hayjaa|1
أبو الريش|Abu al-Reesh|1
أبو العطا|Abu al-Ata,Abu Alata|1
أبو غزالة|Abu Ghazaleh,Abu Ghazala|1
أبو جراد|Abu Jarad|1
أبو حصيرة|Abu Hassira|1
أبو دقة|Abu Daqqa,Abu Dakka|1
أبو رمضان|Abu Ramadan|1.5
أبو سيدو|Abu Sido|1
أبو شعبان|Abu Shaaban|1
أبو طير|Abu Teir|1
أبو عاصي|Abu Assi|1
أبو قمر|Abu Qamar|1
أبو كويك|Abu Kweik|1
أبو لبدة|Abu Libdeh|1
أبو مصطفى|Abu Mustafa|1.5
أبو ناصر|Abu Nasser|1
أبو وردة|Abu Warda|1
أبو دية|Abu Diyeh|1
أبو عرب|Abu Arab|1
أبو الحاج|Abu al-Hajj,Abulhaj|1
أبو غوش|Abu Ghosh|1
أبو صبحة|Abu Sabha|1
أبو ظريفة|Abu Dhareefa|1
أبو حجازي|Abu Hijazi|1
أبو رحمة|Abu Rahma|1
أبو عمشة|Abu Amsha|1
أبو فول|Abu Foul|1
أبو قاسم|Abu Qasem|1
أبو مطر|Abu Matar|1
أبو نجم|Abu Najm|1
أبو هلال|Abu Hilal|1
أبو ياسين|Abu Yassin|1
أبو حطب|Abu Hatab|1
أبو سالم|Abu Salem|1
أبو شاويش|Abu Shawish|1
أبو عبيد|Abu Obaid|1
أبو ليلة|Abu Laila,Abu Leila|1
أبو بكر|Abu Bakr,Abubakr|1.5
أبو الرب|Abu al-Rub,Abu Alrub|1
أبو سنينة|Abu Sneineh|1
حماد|Hammad|2
حمدان|Hamdan|2
سلامة|Salameh,Salama|2.5
عودة|Odeh,Awda|2
عوض|Awad|2
عياد|Ayyad|1.5
خليل|Khalil|2
داود|Dawoud,Daoud|2
جابر|Jaber|1.5
حسونة|Hassouna|1.5
حجازي|Hijazi,Hegazy|2
حمد|Hamad|1.5
شاهين|Shaheen,Shahin|2
شحادة|Shehadeh,Shahada|2
صيام|Siam,Siyam|1.5
عاشور|Ashour|1.5
عابد|Abed|1
علوان|Alwan|1
قشطة|Qishta,Kishta|1
لبد|Lubbad|1
مقداد|Miqdad|1
منصور|Mansour|2
مطر|Matar|1.5
موسى|Mousa,Musa|1.5
نصار|Nassar|2
نوفل|Nofal,Nawfal|1.5
ياسين|Yassin|1.5
يونس|Younis|1.5
زعرب|Zorob,Zoarob|1
بركة|Baraka,Barakeh|1.5
جبر|Jabr|1.5
حرب|Harb|1.5
حلس|Hellis,Hilles|1
جرادة|Jarada|1
جودة|Jouda,Jawda|1.5
درويش|Darwish|2
دلول|Dallul|1
دويك|Dweik|1
رضوان|Radwan|1.5
زقوت|Zaqout|1
سالم|Salem|1.5
سلمان|Salman|1
سمور|Sammour|1
شبير|Shubair|1
شراب|Sharab|1
شعت|Shaath|1
صبح|Subh,Sobh|1
طافش|Tafesh|1
عبيد|Obaid,Ubeid|1.5
عرفات|Arafat|1
عيسى|Issa|1.5
غنيم|Ghanim,Ghuneim|1.5
فروانة|Farwana|1
قديح|Qdeih|1
كلاب|Kullab|1
كحيل|Kuhail|1
مهنا|Muhanna|1
نجم|Najm|1
نعيم|Naim|1
بدوي|Badawi|1
بكر|Bakr|1.5
حبيب|Habib|1
حمودة|Hamouda|1.5
خضر|Khader,Khidr|1.5
زيدان|Zaidan|1
سعادة|Saadeh|1
شلبي|Shalabi|1
صوالحة|Sawalha|1
عبد الله|Abdallah,Abdullah|2
عبد الهادي|Abdel Hadi,Abdulhadi|1.5
عبد العال|Abdel Aal,Abdelaal|1
عبد ربه|Abed Rabbo,Abdrabbo|1.5
عبد الجواد|Abdel Jawad|1
عثمان|Othman|1
عليان|Alayan|1
عمرو|Amro|1.5
غانم|Ghanem|1.5
فقها|Fuqaha|1
قاسم|Qasem|1.5
كراجة|Karajah|1
مرعي|Marei|1
مسلم|Musallam,Muslim|1
مصلح|Musleh|1
ناصر|Nasser|1.5
نمر|Nimer|1
هلال|Hilal|1
يعقوب|Yacoub|1
اشتية|Shtayyeh,Ishtayeh|1
جرار|Jarrar|1.5
دراغمة|Daraghmeh|1.5
صوافطة|Sawafta|1
زكارنة|Zakarneh|1.5
سباعنة|Sabaaneh|1
قبها|Qabha|1
كميل|Kmail|1
عبيات|Obeyat|1
شديد|Shadid|1
سلهب|Salhab|1
حمامرة|Hamamreh|1
ثوابتة|Thawabteh|1
بارود|Baroud|1
حلاوة|Halawa|1
دغمش|Doghmosh|1
رجب|Rajab|1
سكيك|Skeik|1
شملخ|Shamlakh|1
صرصور|Sarsour|1
عقل|Aqel|1.5
عواد|Awwad|1
غراب|Ghurab|1
فياض|Fayyad|1
قنديل|Qandil|1
مشتهى|Mushtaha|1
نبهان|Nabhan|1
هاشم|Hashem|1
وادي|Wadi|1
ياغي|Yaghi|1
`);
