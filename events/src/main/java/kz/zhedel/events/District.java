package kz.zhedel.events;

/** Astana's districts. */
public enum District {
    ALMATY, BAIKONUR, YESIL, SARYARKA, NURA
}
