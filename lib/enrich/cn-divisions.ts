/**
 * China's administrative divisions as far as enrichment needs them: provinces by the first two digits of the
 * division code (GB/T 2260, also digits 3-8 of a unified social credit code), major cities by four digits,
 * and telephone area codes. Chinese names, as the addresses and registrations read.
 */
export const CN_PROVINCES: Readonly<Record<string, string>> = {
  '11': '北京', '12': '天津', '13': '河北', '14': '山西', '15': '内蒙古', '21': '辽宁', '22': '吉林', '23': '黑龙江',
  '31': '上海', '32': '江苏', '33': '浙江', '34': '安徽', '35': '福建', '36': '江西', '37': '山东', '41': '河南',
  '42': '湖北', '43': '湖南', '44': '广东', '45': '广西', '46': '海南', '50': '重庆', '51': '四川', '52': '贵州',
  '53': '云南', '54': '西藏', '61': '陕西', '62': '甘肃', '63': '青海', '64': '宁夏', '65': '新疆', '71': '台湾',
  '81': '香港', '82': '澳门',
};

/** Municipalities are their own province; their "city" is the province itself. */
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

interface City {
  name: string;
  /** Division code, four digits. */
  code: string;
  /** Trunk area code without the leading 0. */
  areaCode: string;
}

const CITIES: readonly City[] = [
  { name: '北京', code: '1100', areaCode: '10' }, { name: '天津', code: '1200', areaCode: '22' },
  { name: '上海', code: '3100', areaCode: '21' }, { name: '重庆', code: '5000', areaCode: '23' },
  { name: '石家庄', code: '1301', areaCode: '311' }, { name: '太原', code: '1401', areaCode: '351' },
  { name: '呼和浩特', code: '1501', areaCode: '471' }, { name: '沈阳', code: '2101', areaCode: '24' },
  { name: '大连', code: '2102', areaCode: '411' }, { name: '长春', code: '2201', areaCode: '431' },
  { name: '哈尔滨', code: '2301', areaCode: '451' }, { name: '南京', code: '3201', areaCode: '25' },
  { name: '无锡', code: '3202', areaCode: '510' }, { name: '常州', code: '3204', areaCode: '519' },
  { name: '苏州', code: '3205', areaCode: '512' }, { name: '南通', code: '3206', areaCode: '513' },
  { name: '杭州', code: '3301', areaCode: '571' }, { name: '宁波', code: '3302', areaCode: '574' },
  { name: '温州', code: '3303', areaCode: '577' }, { name: '嘉兴', code: '3304', areaCode: '573' },
  { name: '绍兴', code: '3306', areaCode: '575' }, { name: '金华', code: '3307', areaCode: '579' },
  { name: '台州', code: '3310', areaCode: '576' }, { name: '合肥', code: '3401', areaCode: '551' },
  { name: '福州', code: '3501', areaCode: '591' }, { name: '厦门', code: '3502', areaCode: '592' },
  { name: '泉州', code: '3505', areaCode: '595' }, { name: '南昌', code: '3601', areaCode: '791' },
  { name: '济南', code: '3701', areaCode: '531' }, { name: '青岛', code: '3702', areaCode: '532' },
  { name: '烟台', code: '3706', areaCode: '535' }, { name: '潍坊', code: '3707', areaCode: '536' },
  { name: '郑州', code: '4101', areaCode: '371' }, { name: '武汉', code: '4201', areaCode: '27' },
  { name: '长沙', code: '4301', areaCode: '731' }, { name: '广州', code: '4401', areaCode: '20' },
  { name: '深圳', code: '4403', areaCode: '755' }, { name: '珠海', code: '4404', areaCode: '756' },
  { name: '汕头', code: '4405', areaCode: '754' }, { name: '佛山', code: '4406', areaCode: '757' },
  { name: '江门', code: '4407', areaCode: '750' }, { name: '惠州', code: '4413', areaCode: '752' },
  { name: '东莞', code: '4419', areaCode: '769' }, { name: '中山', code: '4420', areaCode: '760' },
  { name: '南宁', code: '4501', areaCode: '771' }, { name: '海口', code: '4601', areaCode: '898' },
  { name: '成都', code: '5101', areaCode: '28' }, { name: '贵阳', code: '5201', areaCode: '851' },
  { name: '昆明', code: '5301', areaCode: '871' }, { name: '拉萨', code: '5401', areaCode: '891' },
  { name: '西安', code: '6101', areaCode: '29' }, { name: '兰州', code: '6201', areaCode: '931' },
  { name: '西宁', code: '6301', areaCode: '971' }, { name: '银川', code: '6401', areaCode: '951' },
  { name: '乌鲁木齐', code: '6501', areaCode: '991' },
];

/**
 * The province of an area code not in CITIES, by its first two digits: China's area codes were allotted
 * by region (03x north, 05x east, 07x south-central, 08x south-west, 09x north-west).
 */
const AREA_PREFIX_PROVINCE: Readonly<Record<string, string>> = {
  '31': '13', '32': '13', '33': '13', '34': '14', '35': '14', '47': '15', '48': '15', '41': '21', '42': '21',
  '43': '22', '44': '22', '45': '23', '46': '23', '51': '32', '52': '32', '53': '37', '54': '37', '63': '37',
  '55': '34', '56': '34', '57': '33', '58': '33', '59': '35', '70': '36', '79': '36', '37': '41', '39': '41',
  '71': '42', '72': '42', '73': '43', '74': '43', '66': '44', '75': '44', '76': '44', '77': '45', '81': '51',
  '82': '51', '83': '51', '84': '51', '85': '52', '87': '53', '88': '53', '69': '53', '89': '54', '91': '61',
  '93': '62', '94': '62', '97': '63', '95': '64', '90': '65', '99': '65',
};

export interface CnPlace {
  province: string;
  /** The city where known; equal to the province for municipalities. */
  city: string | null;
}

const byDivision = new Map(CITIES.map((city) => [city.code, city]));
const byAreaCode = new Map(CITIES.map((city) => [city.areaCode, city]));

/** The place of a division code (six digits, or its first two or four). */
export function placeOfDivision(code: string): CnPlace | null {
  const province = CN_PROVINCES[code.slice(0, 2)];
  if (!province) return null;
  if (MUNICIPALITIES.has(code.slice(0, 2))) return { province, city: province };
  return { province, city: byDivision.get(code.slice(0, 4))?.name ?? null };
}

/**
 * The place of a fixed-line national number ("1066085566", "75588886666"): two-digit area codes are the big
 * cities (10, 2x), the rest three digits. Mobile, 400 and 800 numbers have no place.
 */
export function placeOfNationalNumber(national: string): CnPlace | null {
  if (!/^[1-9]\d{8,10}$/.test(national) || /^1[3-9]/.test(national) || /^[48]00/.test(national)) return null;
  const areaCode = /^(10|2\d)/.test(national) ? national.slice(0, 2) : national.slice(0, 3);
  const city = byAreaCode.get(areaCode);
  if (city) return placeOfDivision(city.code);
  if (areaCode === '898') return { province: '海南', city: '海口' };
  const provinceCode = AREA_PREFIX_PROVINCE[areaCode.slice(0, 2)];
  return provinceCode ? { province: CN_PROVINCES[provinceCode]!, city: null } : null;
}

/** Every province and listed city name, for recognising them in addresses and at the start of names. */
export const CN_PLACE_NAMES: readonly string[] = [...new Set([...Object.values(CN_PROVINCES), ...CITIES.map((city) => city.name)])];

/** "广东 深圳", "北京": province, then the city when it is known and different. */
export function formatCnPlace(place: CnPlace): string {
  return place.city && place.city !== place.province ? `${place.province} ${place.city}` : place.province;
}

/** The province and city an address names ("广东省深圳市南山区…" -> 广东 深圳; "上海市浦东新区…" -> 上海). */
export function placeInText(text: string): CnPlace | null {
  const city = CITIES.find((c) => text.includes(c.name));
  if (city) return placeOfDivision(city.code);
  const provinceCode = Object.keys(CN_PROVINCES).find((code) => text.includes(CN_PROVINCES[code]!));
  return provinceCode ? placeOfDivision(provinceCode) : null;
}
