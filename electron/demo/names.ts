/** Word lists for a realistic Chinese demo company. Kept as data, away from the generator's logic. */

export const surnames = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金',
];

export const givenNameChars = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平',
  '刚', '桂', '英', '华', '玉', '萍', '红', '鹏', '飞', '建', '国', '辉', '宁', '琳', '晨', '欣', '婷', '浩', '宇', '轩',
  '子', '怡', '佳', '思', '文', '博', '雪', '梅', '志', '海', '波', '慧', '颖', '鑫', '倩', '亮', '斌', '凯', '嘉', '雨',
];

export type City = { name: string; province: string; region: string; areaCode: string; districts: string[] };

export const regions = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'] as const;

export const cities: City[] = [
  { name: '上海', province: '上海市', region: '华东', areaCode: '021', districts: ['浦东新区', '闵行区', '徐汇区', '嘉定区', '松江区'] },
  { name: '杭州', province: '浙江省', region: '华东', areaCode: '0571', districts: ['西湖区', '滨江区', '余杭区', '萧山区'] },
  { name: '苏州', province: '江苏省', region: '华东', areaCode: '0512', districts: ['工业园区', '高新区', '吴中区', '相城区'] },
  { name: '南京', province: '江苏省', region: '华东', areaCode: '025', districts: ['江宁区', '鼓楼区', '建邺区', '浦口区'] },
  { name: '宁波', province: '浙江省', region: '华东', areaCode: '0574', districts: ['鄞州区', '北仑区', '镇海区'] },
  { name: '无锡', province: '江苏省', region: '华东', areaCode: '0510', districts: ['新吴区', '滨湖区', '惠山区'] },
  { name: '合肥', province: '安徽省', region: '华东', areaCode: '0551', districts: ['蜀山区', '包河区', '高新区'] },
  { name: '青岛', province: '山东省', region: '华东', areaCode: '0532', districts: ['黄岛区', '城阳区', '崂山区'] },
  { name: '济南', province: '山东省', region: '华东', areaCode: '0531', districts: ['历下区', '槐荫区', '章丘区'] },
  { name: '广州', province: '广东省', region: '华南', areaCode: '020', districts: ['天河区', '番禺区', '黄埔区', '白云区'] },
  { name: '深圳', province: '广东省', region: '华南', areaCode: '0755', districts: ['南山区', '宝安区', '龙岗区', '福田区'] },
  { name: '东莞', province: '广东省', region: '华南', areaCode: '0769', districts: ['松山湖', '长安镇', '虎门镇'] },
  { name: '佛山', province: '广东省', region: '华南', areaCode: '0757', districts: ['顺德区', '南海区', '禅城区'] },
  { name: '厦门', province: '福建省', region: '华南', areaCode: '0592', districts: ['思明区', '湖里区', '集美区'] },
  { name: '福州', province: '福建省', region: '华南', areaCode: '0591', districts: ['鼓楼区', '仓山区', '马尾区'] },
  { name: '北京', province: '北京市', region: '华北', areaCode: '010', districts: ['海淀区', '朝阳区', '大兴区', '顺义区'] },
  { name: '天津', province: '天津市', region: '华北', areaCode: '022', districts: ['滨海新区', '西青区', '南开区'] },
  { name: '石家庄', province: '河北省', region: '华北', areaCode: '0311', districts: ['长安区', '裕华区', '高新区'] },
  { name: '太原', province: '山西省', region: '华北', areaCode: '0351', districts: ['小店区', '万柏林区'] },
  { name: '武汉', province: '湖北省', region: '华中', areaCode: '027', districts: ['东湖高新区', '江汉区', '洪山区', '汉阳区'] },
  { name: '长沙', province: '湖南省', region: '华中', areaCode: '0731', districts: ['岳麓区', '雨花区', '开福区'] },
  { name: '郑州', province: '河南省', region: '华中', areaCode: '0371', districts: ['金水区', '郑东新区', '二七区'] },
  { name: '南昌', province: '江西省', region: '华中', areaCode: '0791', districts: ['红谷滩区', '青山湖区'] },
  { name: '成都', province: '四川省', region: '西南', areaCode: '028', districts: ['高新区', '武侯区', '锦江区', '双流区'] },
  { name: '重庆', province: '重庆市', region: '西南', areaCode: '023', districts: ['渝北区', '江北区', '九龙坡区'] },
  { name: '昆明', province: '云南省', region: '西南', areaCode: '0871', districts: ['五华区', '官渡区'] },
  { name: '贵阳', province: '贵州省', region: '西南', areaCode: '0851', districts: ['观山湖区', '南明区'] },
  { name: '西安', province: '陕西省', region: '西北', areaCode: '029', districts: ['雁塔区', '未央区', '高新区'] },
  { name: '兰州', province: '甘肃省', region: '西北', areaCode: '0931', districts: ['城关区', '七里河区'] },
  { name: '沈阳', province: '辽宁省', region: '东北', areaCode: '024', districts: ['浑南区', '铁西区', '和平区'] },
  { name: '大连', province: '辽宁省', region: '东北', areaCode: '0411', districts: ['甘井子区', '金州区', '中山区'] },
  { name: '哈尔滨', province: '黑龙江省', region: '东北', areaCode: '0451', districts: ['南岗区', '道里区', '香坊区'] },
];

export const streets = ['人民路', '建设路', '解放路', '中山路', '科技路', '创新大道', '工业大道', '长江路', '滨江大道', '新华路', '星湖街', '金桥路', '高新大道', '东环路', '南京路'];

export const brandChars = [
  '恒', '信', '华', '宏', '盛', '达', '新', '源', '鑫', '瑞', '泰', '科', '丰', '德', '安', '创', '博', '通', '联', '航',
  '中', '天', '海', '金', '正', '远', '嘉', '和', '兴', '荣', '明', '立', '凯', '旭', '润', '诚', '昊', '晟', '弘', '智',
];

export type Industry = { name: string; words: string[] };

export const industries: Industry[] = [
  { name: '机械设备', words: ['精密机械', '重工', '机电', '自动化设备', '液压'] },
  { name: '电子电器', words: ['电子', '电器', '光电', '微电子', '智能科技'] },
  { name: '汽车零部件', words: ['汽车部件', '汽配', '车业', '传动'] },
  { name: '医疗器械', words: ['医疗器械', '生物医疗', '医学科技'] },
  { name: '食品饮料', words: ['食品', '饮品', '乳业', '粮油'] },
  { name: '化工材料', words: ['化工', '新材料', '涂料', '塑胶'] },
  { name: '建筑建材', words: ['建材', '建设工程', '幕墙', '管业'] },
  { name: '物流运输', words: ['物流', '供应链', '运输', '仓储'] },
  { name: '零售连锁', words: ['商贸', '百货', '连锁超市', '贸易'] },
  { name: '软件与信息服务', words: ['软件', '信息技术', '数据科技', '网络科技'] },
  { name: '能源电力', words: ['能源', '电力设备', '新能源', '光伏'] },
  { name: '纺织服装', words: ['纺织', '服饰', '制衣', '家纺'] },
];

export const companySuffixes = ['有限公司', '股份有限公司', '集团有限公司', '科技有限公司'];

export const sources = ['展会', '转介绍', '官网咨询', '电话开发', '老客户', '招投标', '渠道伙伴', '行业协会'];

export const customerTags = ['战略客户', '老客户', '展会线索', '价格敏感', '国企', '外资', '上市公司', '年度框架'];

/** Titles with the buying role a contact in that seat usually plays (seed 004, slide 10). */
export const contactTitles: { title: string; role: 'decision_maker' | 'purchaser' | 'supporter' | 'technical' | 'user' }[] = [
  { title: '总经理', role: 'decision_maker' },
  { title: '副总经理', role: 'decision_maker' },
  { title: '董事长', role: 'decision_maker' },
  { title: '采购经理', role: 'purchaser' },
  { title: '采购专员', role: 'purchaser' },
  { title: '供应链总监', role: 'purchaser' },
  { title: '技术总监', role: 'technical' },
  { title: '工程师', role: 'technical' },
  { title: 'IT 主管', role: 'technical' },
  { title: '生产经理', role: 'user' },
  { title: '车间主任', role: 'user' },
  { title: '行政主管', role: 'supporter' },
  { title: '财务经理', role: 'supporter' },
  { title: '项目经理', role: 'supporter' },
];
