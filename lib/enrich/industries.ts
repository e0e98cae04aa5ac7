/**
 * The fixed industry list (所属行业) a lead is classified into: stable ids (stored on the lead and translated
 * by the UI as industry_<id>), English and Chinese keywords as sites write them, and the schema.org
 * organisation types that declare the industry outright. Keywords are matched as whole words in English and
 * as substrings in Chinese; `not` lists longer words that contain a keyword but mean something else
 * ("电子邮件" is email, not electronics).
 */
export interface Industry {
  id: string;
  keywords: readonly string[];
  schemaTypes?: readonly string[];
  not?: readonly string[];
}

export const INDUSTRIES = [
  {
    id: 'software',
    keywords: ['software', 'saas', 'cloud computing', 'cloud services', 'it services', 'information technology', 'data center', 'cybersecurity', 'erp', 'crm', 'digital experiences', 'web hosting', 'domain name', 'analytics', 'artificial intelligence',
      '软件', '信息技术', '云计算', '云服务', '数据中心', '网络安全', '信息化', '系统集成', '人工智能', '大数据'],
  },
  {
    id: 'internet',
    keywords: ['internet company', 'online platform', 'search engine', 'social network', 'web portal', 'online games',
      '互联网', '门户网站', '搜索引擎', '社交网络', '网络游戏', '移动互联网', '互联网技术', '免费邮箱'],
  },
  {
    id: 'electronics',
    keywords: ['semiconductor', 'semiconductors', 'chip', 'chips', 'processor', 'processors', 'electronics', 'electronic components', 'pcb', 'lcd', 'displays', 'touch screen', 'sensors', 'hard drives', 'storage devices', 'network attached storage', 'nas',
      '半导体', '芯片', '集成电路', '电子', '元器件', '显示屏', '传感器', '光电', '存储设备'],
    not: ['电子邮件', '电子邮箱', '电子商务', '电子政务', '电子签名', '电子发票', '电子银行'],
  },
  {
    id: 'telecom',
    keywords: ['telecom', 'telecommunications', '5g', 'mobile network', 'broadband', 'carrier', '通信', '电信', '移动通信', '宽带', '运营商'],
  },
  {
    id: 'finance',
    keywords: ['bank', 'banking', 'finance', 'financial services', 'loan', 'loans', 'mortgage', 'mortgages', 'refinancing', 'lending', 'credit union', 'leasing', 'novated lease', 'novated leases', 'car loans', 'car finance', 'investment', 'asset management', 'fintech', 'payments', 'securities',
      '银行', '金融', '贷款', '信贷', '理财', '基金', '证券', '支付', '融资租赁', '信用卡', '电子银行'],
    schemaTypes: ['BankOrCreditUnion', 'FinancialService', 'AccountingService'],
  },
  { id: 'insurance', keywords: ['insurance', 'insurer', 'underwriting', '保险'], schemaTypes: ['InsuranceAgency'] },
  {
    id: 'automotive',
    keywords: ['car', 'cars', 'automotive', 'vehicle', 'vehicles', 'car dealership', 'dealerships', 'motors', 'used cars', 'new cars', '汽车', '车型', '新能源车', '4s店', '汽配', '汽车零部件'],
    schemaTypes: ['AutoDealer', 'AutomotiveBusiness', 'AutoRepair', 'AutoPartsStore'],
  },
  {
    id: 'manufacturing',
    keywords: ['manufacturer', 'manufacturers', 'manufacturing', 'factory', 'machinery', 'industrial', 'robots', 'robotics', 'automation', 'cnc', 'tooling', 'oem', 'odm', 'fasteners', 'valves', 'pumps', 'bearings',
      '制造', '工厂', '机械', '设备', '自动化', '机器人', '加工', '五金', '模具', '精密仪器'],
  },
  {
    id: 'retail',
    keywords: ['retail', 'retailer', 'online store', 'online shop', 'e-commerce', 'ecommerce', 'shopping', '零售', '电商', '电子商务', '商城', '网购', '超市'],
    schemaTypes: ['OnlineStore', 'Store', 'OnlineBusiness'],
  },
  {
    id: 'trade',
    keywords: ['wholesale', 'wholesaler', 'wholesalers', 'import', 'export', 'exporters', 'importers', 'trading company', 'distributor', 'distributors', 'suppliers', 'trade leads', 'sourcing',
      '贸易', '进出口', '外贸', '批发', '经销', '供应商', '采购'],
  },
  {
    id: 'real_estate',
    keywords: ['real estate', 'realty', 'property management', 'office space', 'virtual office', 'virtual offices', 'coworking', 'meeting rooms', 'business center', 'apartments',
      '房地产', '地产', '物业', '楼盘', '写字楼', '商务中心'],
    schemaTypes: ['RealEstateAgent'],
  },
  {
    id: 'construction',
    keywords: ['construction', 'contractor', 'contractors', 'building materials', 'civil engineering', 'architecture', 'renovation', '建筑', '建设', '工程', '施工', '装修', '建材'],
    schemaTypes: ['HomeAndConstructionBusiness', 'GeneralContractor'],
  },
  {
    id: 'healthcare',
    keywords: ['hospital', 'clinic', 'medical', 'healthcare', 'health care', 'pharmaceutical', 'pharmaceuticals', 'pharma', 'biotech', 'dental', 'medicine', '医疗', '医院', '医药', '制药', '生物医药', '健康', '医疗器械'],
    schemaTypes: ['MedicalOrganization', 'Hospital', 'Dentist', 'Physician', 'Pharmacy', 'MedicalClinic'],
  },
  {
    id: 'education',
    keywords: ['education', 'school', 'university', 'training', 'courses', 'e-learning', 'academy', '教育', '培训', '学校', '大学', '课程', '学院'],
    schemaTypes: ['EducationalOrganization', 'CollegeOrUniversity', 'School'],
  },
  {
    id: 'logistics',
    keywords: ['logistics', 'shipping', 'freight', 'courier', 'supply chain', 'warehousing', 'airline', '物流', '运输', '快递', '货运', '仓储', '供应链', '航空'],
    schemaTypes: ['Airline', 'MovingCompany'],
  },
  {
    id: 'energy',
    keywords: ['energy', 'solar', 'electricity', 'oil and gas', 'renewable', 'renewables', 'battery', 'batteries', 'utilities', '能源', '新能源', '电力', '光伏', '石油', '天然气', '电池', '储能'],
  },
  {
    id: 'media',
    keywords: ['media', 'news', 'entertainment', 'games', 'gaming', 'music', 'audio', 'film', 'publishing', 'advertising', '传媒', '媒体', '新闻', '娱乐', '游戏', '音乐', '影视', '出版', '广告'],
    schemaTypes: ['NewsMediaOrganization', 'SportsOrganization', 'MusicGroup'],
  },
  {
    id: 'hospitality',
    keywords: ['hotel', 'hotels', 'restaurant', 'restaurants', 'travel', 'tourism', 'catering', 'resort', '酒店', '旅游', '餐饮', '旅行'],
    schemaTypes: ['Hotel', 'Restaurant', 'TravelAgency', 'LodgingBusiness', 'FoodEstablishment'],
  },
  {
    id: 'food_agriculture',
    keywords: ['food', 'foods', 'beverage', 'beverages', 'agriculture', 'farm', 'farming', 'dairy', '食品', '饮料', '农业', '农产品', '养殖', '乳业'],
  },
  {
    id: 'chemicals_materials',
    keywords: ['chemical', 'chemicals', 'plastics', 'materials', 'coatings', 'steel', 'metals', 'packaging', '化工', '化学', '塑料', '塑胶', '材料', '钢铁', '金属', '涂料', '包装'],
  },
  {
    id: 'consumer_goods',
    keywords: ['apparel', 'clothing', 'fashion', 'furniture', 'cosmetics', 'textiles', 'toys', 'home appliances', 'footwear', '服装', '纺织', '家具', '化妆品', '日用品', '家电', '玩具', '鞋业'],
  },
  {
    id: 'professional_services',
    keywords: ['consulting', 'consultancy', 'law firm', 'legal services', 'accounting', 'audit', 'marketing agency', 'recruitment', 'staffing', 'outsourcing', '咨询', '律师', '法律服务', '会计', '审计', '人力资源', '招聘', '外包'],
    schemaTypes: ['ProfessionalService', 'LegalService', 'EmploymentAgency', 'Attorney'],
  },
  {
    id: 'public_sector',
    keywords: ['government', 'ministry', 'non-profit', 'nonprofit', 'foundation', 'charity', 'association', '政府', '协会', '基金会', '公益', '事业单位'],
    schemaTypes: ['GovernmentOrganization', 'NGO'],
  },
] as const satisfies readonly Industry[];

export type IndustryId = (typeof INDUSTRIES)[number]['id'];
export const INDUSTRY_IDS: readonly IndustryId[] = INDUSTRIES.map((industry) => industry.id);

export function isIndustryId(value: string | null | undefined): value is IndustryId {
  return value !== null && value !== undefined && (INDUSTRY_IDS as readonly string[]).includes(value);
}
