package dev.agentanalytics;
public class AgentAnalyticsJob { public static void main(String[] a) {} }
