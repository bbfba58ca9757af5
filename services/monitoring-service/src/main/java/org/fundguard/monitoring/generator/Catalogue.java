package org.fundguard.monitoring.generator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo price list the generator charges from ({@code generator/catalogue.csv}): national codes with names, 目录类别,
 * 收费类别, unit price, usual quantity and days supplied, a frequency weight and where the code is used
 * (O 门急诊, I 住院, P 药店).
 */
final class Catalogue {

    /** One code of the price list. */
    record Item(String code, String name, String listType, String chrgitmType, BigDecimal pric, BigDecimal cnt,
            BigDecimal prdDays, int weight, String settings, String role) {

        boolean drug() {
            return listType.startsWith("1");
        }

        boolean usedIn(char setting) {
            return settings.indexOf(setting) >= 0;
        }
    }

    private final Map<String, Item> byCode = new LinkedHashMap<>();

    private Catalogue() {
    }

    static Catalogue load() {
        Catalogue c = new Catalogue();
        try (InputStream in = Catalogue.class.getResourceAsStream("/generator/catalogue.csv")) {
            if (in == null) {
                throw new IllegalStateException("generator/catalogue.csv missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line = r.readLine(); // header
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                Item item = new Item(f[0], f[1], f[2], f[3], new BigDecimal(f[4]), new BigDecimal(f[5]),
                        f[6].isEmpty() ? null : new BigDecimal(f[6]), Integer.parseInt(f[7]), f[8], f[9]);
                c.byCode.put(item.code(), item);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return c;
    }

    Item get(String code) {
        Item i = byCode.get(code);
        if (i == null) {
            throw new IllegalArgumentException("code not in the demo catalogue: " + code);
        }
        return i;
    }

    boolean contains(String code) {
        return byCode.containsKey(code);
    }

    List<Item> items() {
        return new ArrayList<>(byCode.values());
    }

    /** The item with the given role (consult, bed, nurse1, nurse2). */
    Item role(String role) {
        for (Item i : byCode.values()) {
            if (role.equals(i.role())) {
                return i;
            }
        }
        throw new IllegalStateException("no catalogue item with role " + role);
    }
}
