/**
 * The bottom of the house: how modules contribute what runs at start ({@link cn.lianban.startup.StartupStep}) and
 * the demo data ({@link cn.lianban.startup.DemoStep}) without this layer importing any of them.
 */
package cn.lianban.startup;
