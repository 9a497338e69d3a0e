package cn.lianban.calendar;

import java.time.LocalDate;

/**
 * One day on which the weekday rule (Monday to Friday work, weekend off) does not hold.
 *
 * @param date   the day
 * @param kind   {@link #HOLIDAY} (a weekday off) or {@link #WORKDAY} (a weekend day worked, 调休上班)
 * @param name   Chinese name shown to users, e.g. 春节 or 春节调休上班
 * @param source the notice the day comes from, e.g. 国办发明电〔2025〕7号
 */
record CalendarDay(LocalDate date, String kind, String name, String source) {

    public static final String HOLIDAY = "HOLIDAY";
    public static final String WORKDAY = "WORKDAY";

    public boolean isHoliday() {
        return HOLIDAY.equals(kind);
    }
}
