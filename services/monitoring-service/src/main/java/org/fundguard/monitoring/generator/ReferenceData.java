package org.fundguard.monitoring.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.fundguard.monitoring.engine.BarPeriod;

/**
 * The fixed world the generator draws from: Anhui institutions of several levels in 滁州, 淮北 and 合肥 with their
 * doctors, the practitioners barred from billing, and the diagnoses seen in each setting.
 */
final class ReferenceData {

    /** hosp_lv codes as the demo province codes them. */
    static final String LV_TERTIARY = "01";
    static final String LV_SECONDARY = "02";
    static final String LV_PRIMARY = "03";
    static final String LV_PHARMACY = "11";

    /** A 定点医药机构; {@code admdvs} is its 6-digit county 区划 (fix_blng_admdvs), {@code city} its pooling city. */
    record Institution(String code, String name, String hospLv, String admdvs, String city, List<String> doctors,
            boolean pharmacy) {
    }

    /** A diagnosis with the setting (O/I), sex (0 any) and age band it occurs in, and a weight. */
    record Dx(String code, String name, String settings, String sex, int minAge, int maxAge, int weight) {
    }

    static final String CHUZHOU = "341100";
    static final String HUAIBEI = "340600";
    static final String HEFEI = "340100";

    final List<Institution> institutions = new ArrayList<>();
    final List<BarPeriod> bars = new ArrayList<>();
    final List<Dx> diagnoses = List.of(
            new Dx("I10.x00", "原发性高血压", "O", "0", 30, 99, 30),
            new Dx("E11.900", "2型糖尿病", "OI", "0", 30, 99, 20),
            new Dx("J06.900", "急性上呼吸道感染", "O", "0", 0, 99, 25),
            new Dx("K29.700", "胃炎", "O", "0", 16, 99, 10),
            new Dx("M54.500", "腰痛", "O", "0", 20, 99, 8),
            new Dx("E78.500", "高脂血症", "O", "0", 30, 99, 10),
            new Dx("N76.000", "急性阴道炎", "O", "2", 16, 70, 4),
            new Dx("N40.x00", "前列腺增生", "O", "1", 45, 99, 4),
            new Dx("J20.900", "急性支气管炎", "OI", "0", 0, 99, 8),
            new Dx("H91.200", "突发性特发性听觉丧失", "O", "0", 18, 80, 2),
            new Dx("F32.900", "抑郁发作", "O", "0", 16, 80, 3),
            new Dx("M81.000", "绝经后骨质疏松", "O", "2", 45, 99, 3),
            new Dx("I63.900", "脑梗死", "I", "0", 45, 99, 15),
            new Dx("I21.900", "急性心肌梗死", "I", "0", 40, 99, 6),
            new Dx("I25.100", "动脉粥样硬化性心脏病", "OI", "0", 40, 99, 10),
            new Dx("J18.900", "肺炎", "I", "0", 0, 99, 15),
            new Dx("K80.200", "胆囊结石", "I", "0", 25, 90, 6),
            new Dx("S72.000", "股骨颈骨折", "I", "0", 50, 99, 4),
            new Dx("T58.x00", "一氧化碳中毒", "I", "0", 10, 90, 1));
    /** Diagnoses of special visits. */
    static final Dx DELIVERY = new Dx("O80.000", "单胎顺产", "I", "2", 20, 40, 0);
    static final Dx INJURY = new Dx("S82.200", "胫骨干骨折", "I", "0", 18, 60, 0);
    static final Dx CANCER = new Dx("C34.900", "肺恶性肿瘤", "I", "0", 40, 90, 0);
    static final Dx CHEMO = new Dx("Z51.100", "为肿瘤化学治疗疗程", "I", "0", 40, 90, 0);

    ReferenceData() {
        hospital("H34110200001", "滁州市第一人民医院", LV_TERTIARY, "341102", CHUZHOU);
        hospital("H34110300002", "滁州市中西医结合医院", LV_SECONDARY, "341103", CHUZHOU);
        hospital("H34118100003", "天长市人民医院", LV_SECONDARY, "341181", CHUZHOU);
        hospital("H34118200004", "明光市人民医院", LV_SECONDARY, "341182", CHUZHOU);
        hospital("H34110200005", "琅琊区社区卫生服务中心", LV_PRIMARY, "341102", CHUZHOU);
        pharmacy("P34110200006", "滁州国药大药房琅琊店", "341102", CHUZHOU);
        pharmacy("P34118100007", "天长百姓缘大药房", "341181", CHUZHOU);
        hospital("H34060300001", "淮北市人民医院", LV_TERTIARY, "340603", HUAIBEI);
        hospital("H34060200002", "淮北矿工总医院", LV_TERTIARY, "340602", HUAIBEI);
        hospital("H34062100003", "濉溪县医院", LV_SECONDARY, "340621", HUAIBEI);
        hospital("H34060300004", "相山区社区卫生服务中心", LV_PRIMARY, "340603", HUAIBEI);
        pharmacy("P34060300005", "淮北华佗大药房", "340603", HUAIBEI);
        hospital("H34010400001", "安徽医科大学第一附属医院", LV_TERTIARY, "340104", HEFEI);
        hospital("H34010300002", "合肥市第二人民医院", LV_TERTIARY, "340103", HEFEI);
        pharmacy("P34010400003", "合肥漱玉平民大药房", "340104", HEFEI);
        // Doctor 5 of every hospital is suspended for half a year; doctor 4 of each city's first hospital is terminated.
        for (Institution i : institutions) {
            if (i.pharmacy()) {
                continue;
            }
            bars.add(new BarPeriod(i.doctors().get(5), BarPeriod.Status.SUSPENDED, LocalDate.of(2025, 4, 1),
                    LocalDate.of(2025, 9, 30), "皖医保记分〔2025〕" + (10 + bars.size()) + "号"));
            if (i.code().endsWith("00001")) {
                bars.add(new BarPeriod(i.doctors().get(4), BarPeriod.Status.TERMINATED, LocalDate.of(2025, 10, 15),
                        null, "皖医保记分〔2025〕" + (10 + bars.size()) + "号"));
            }
        }
    }

    private void hospital(String code, String name, String lv, String admdvs, String city) {
        institutions.add(new Institution(code, name, lv, admdvs, city, doctors(admdvs, institutions.size(), 6), false));
    }

    private void pharmacy(String code, String name, String admdvs, String city) {
        institutions.add(new Institution(code, name, LV_PHARMACY, admdvs, city, doctors(admdvs, institutions.size(), 2),
                true));
    }

    private static List<String> doctors(String admdvs, int inst, int n) {
        List<String> d = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int seq = inst * 100 + k + 1;
            d.add("D" + admdvs + String.format("%06d", seq));
        }
        return d;
    }

    List<Institution> in(String city, boolean pharmacy) {
        List<Institution> l = new ArrayList<>();
        for (Institution i : institutions) {
            if (i.city().equals(city) && i.pharmacy() == pharmacy) {
                l.add(i);
            }
        }
        return l;
    }

    /** The bar on a practitioner on a date, or null. */
    BarPeriod barOn(String doctor, LocalDate date) {
        for (BarPeriod b : bars) {
            if (b.practitionerCode().equals(doctor) && b.covers(date)) {
                return b;
            }
        }
        return null;
    }
}
